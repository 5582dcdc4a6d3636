<?xml version="1.0" encoding="UTF-8"?>
<!--
  Events as cards and their times, for every page that lists events (the
  front page, an organisation's page, /{lang}/events, the event's own page).
  Included by those stylesheets, which import layout.xsl: the named templates
  of layout (text-inline, date-text, time, place-summary, euros) are theirs.
  <event id ended><title lang/><type code/><audiences><audience code/>…
  <time start end/> (local YYYY-MM-DDTHH:MM) <place online><municipality code/></place>
  <price free amount/><organisation id/></event>
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:kt="urn:kotoutuminen:xslt"
    exclude-result-prefixes="kt">

  <!-- When an event is: one day "4.4.2027 12.30–18.00", several days
       "4.4.2027 12.30 – 5.4.2027 16.00" (en: "4 April 2027 12:30–18:00"). -->
  <xsl:template name="event-when">
    <xsl:param name="time"/>
    <xsl:variable name="sd" select="substring($time/@start, 1, 10)"/>
    <xsl:variable name="ed" select="substring($time/@end, 1, 10)"/>
    <time datetime="{$time/@start}">
      <xsl:call-template name="date-text"><xsl:with-param name="date" select="$sd"/></xsl:call-template>
    </time>
    <xsl:text> </xsl:text>
    <xsl:call-template name="time"><xsl:with-param name="time" select="substring($time/@start, 12, 5)"/></xsl:call-template>
    <xsl:choose>
      <xsl:when test="$ed = $sd">
        <xsl:text>–</xsl:text>
        <xsl:call-template name="time"><xsl:with-param name="time" select="substring($time/@end, 12, 5)"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text> – </xsl:text>
        <time datetime="{$time/@end}">
          <xsl:call-template name="date-text"><xsl:with-param name="date" select="$ed"/></xsl:call-template>
        </time>
        <xsl:text> </xsl:text>
        <xsl:call-template name="time"><xsl:with-param name="time" select="substring($time/@end, 12, 5)"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Where: the municipality, and "online" when it is (also) online. -->
  <xsl:template name="event-where">
    <xsl:param name="place"/>
    <xsl:value-of select="normalize-space($place/municipality)"/>
    <xsl:if test="$place/@online = 'true'">
      <xsl:if test="normalize-space($place/municipality)"><xsl:text>, </xsl:text></xsl:if>
      <xsl:value-of select="kt:msg('place.online')"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="event-cards">
    <xsl:param name="events"/>
    <xsl:param name="level" select="3"/>
    <ul class="cards event-cards">
      <xsl:for-each select="$events">
        <li>
          <article class="card">
            <xsl:element name="h{$level}">
              <xsl:attribute name="class">card-title</xsl:attribute>
              <xsl:call-template name="text-inline">
                <xsl:with-param name="text" select="title"/>
                <xsl:with-param name="href" select="concat($home, 'events/', @id)"/>
              </xsl:call-template>
            </xsl:element>
            <dl class="card-facts">
              <div>
                <dt><xsl:value-of select="kt:msg('event.when')"/></dt>
                <dd>
                  <xsl:call-template name="event-when"><xsl:with-param name="time" select="time"/></xsl:call-template>
                  <xsl:if test="@ended = 'true'">
                    <xsl:text> </xsl:text>
                    <span class="badge"><xsl:value-of select="kt:msg('event.ended')"/></span>
                  </xsl:if>
                </dd>
              </div>
              <xsl:if test="normalize-space(place/municipality) or place/@online = 'true'">
                <div>
                  <dt><xsl:value-of select="kt:msg('event.where')"/></dt>
                  <dd><xsl:call-template name="event-where"><xsl:with-param name="place" select="place"/></xsl:call-template></dd>
                </div>
              </xsl:if>
              <xsl:if test="normalize-space(type)">
                <div>
                  <dt><xsl:value-of select="kt:msg('event.type')"/></dt>
                  <dd><xsl:value-of select="normalize-space(type)"/></dd>
                </div>
              </xsl:if>
              <xsl:if test="audiences/audience">
                <div>
                  <dt><xsl:value-of select="kt:msg('event.audiences')"/></dt>
                  <dd><xsl:call-template name="names"><xsl:with-param name="items" select="audiences/audience"/></xsl:call-template></dd>
                </div>
              </xsl:if>
              <div>
                <dt><xsl:value-of select="kt:msg('event.organiser')"/></dt>
                <dd><xsl:value-of select="normalize-space(organisation)"/></dd>
              </div>
              <div>
                <dt><xsl:value-of select="kt:msg('event.price')"/></dt>
                <dd>
                  <xsl:choose>
                    <xsl:when test="price/@free = 'true'"><xsl:value-of select="kt:msg('price.free')"/></xsl:when>
                    <xsl:otherwise><xsl:call-template name="euros"><xsl:with-param name="amount" select="price/@amount"/></xsl:call-template></xsl:otherwise>
                  </xsl:choose>
                </dd>
              </div>
            </dl>
          </article>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>

</xsl:stylesheet>
