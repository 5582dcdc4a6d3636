<?xml version="1.0" encoding="UTF-8"?>
<!--
  Jobs as cards, and how hours and deadlines read, for every page that shows
  jobs (/{lang}/jobs, the job's own page, an organisation's page, the job's
  editor).  Included by those stylesheets, which import layout.xsl.
  <job id><title lang/><type code/><place remote><municipality code/></place>
  <hours per-week/><deadline date time/><organisation id/></job>
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:kt="urn:kotoutuminen:xslt"
    exclude-result-prefixes="kt">

  <!-- Hours a week, "37.5" written as the page's language writes it:
       "37,5 h/vko", "37,5 h/vecka", "37.5 h a week". -->
  <xsl:template name="job-hours">
    <xsl:param name="hours"/>
    <xsl:variable name="n">
      <xsl:choose>
        <xsl:when test="/page/@lang = 'en'"><xsl:value-of select="$hours"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="translate($hours, '.', ',')"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:value-of select="concat($n, ' ', kt:msg('job.hours.unit'))"/>
  </xsl:template>

  <!-- The deadline: its day, and its time when one was given. -->
  <xsl:template name="job-deadline">
    <xsl:param name="date"/>
    <xsl:param name="time"/>
    <time datetime="{$date}">
      <xsl:call-template name="date-text"><xsl:with-param name="date" select="$date"/></xsl:call-template>
    </time>
    <xsl:if test="normalize-space($time)">
      <xsl:value-of select="concat(' ', kt:msg('job.deadline.at'), ' ')"/>
      <xsl:call-template name="time"><xsl:with-param name="time" select="$time"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Where: the municipality, and/or remote. -->
  <xsl:template name="job-where">
    <xsl:param name="place"/>
    <xsl:value-of select="normalize-space($place/municipality)"/>
    <xsl:if test="$place/@remote = 'true'">
      <xsl:if test="normalize-space($place/municipality)">, </xsl:if>
      <xsl:value-of select="kt:msg('job.remote')"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="job-cards">
    <xsl:param name="jobs"/>
    <xsl:param name="level" select="3"/>
    <ul class="cards job-cards">
      <xsl:for-each select="$jobs">
        <li>
          <article class="card">
            <xsl:element name="h{$level}">
              <xsl:attribute name="class">card-title</xsl:attribute>
              <xsl:call-template name="text-inline">
                <xsl:with-param name="text" select="title"/>
                <xsl:with-param name="href" select="concat($home, 'jobs/', @id)"/>
              </xsl:call-template>
            </xsl:element>
            <dl class="card-facts">
              <xsl:if test="normalize-space(type)">
                <div>
                  <dt><xsl:value-of select="kt:msg('job.type')"/></dt>
                  <dd><xsl:value-of select="normalize-space(type)"/></dd>
                </div>
              </xsl:if>
              <div>
                <dt><xsl:value-of select="kt:msg('job.employer')"/></dt>
                <dd><xsl:value-of select="normalize-space(organisation)"/></dd>
              </div>
              <xsl:if test="normalize-space(place/municipality) or place/@remote = 'true'">
                <div>
                  <dt><xsl:value-of select="kt:msg('job.where')"/></dt>
                  <dd><xsl:call-template name="job-where"><xsl:with-param name="place" select="place"/></xsl:call-template></dd>
                </div>
              </xsl:if>
              <xsl:if test="hours/@per-week">
                <div>
                  <dt><xsl:value-of select="kt:msg('job.hours')"/></dt>
                  <dd><xsl:call-template name="job-hours"><xsl:with-param name="hours" select="hours/@per-week"/></xsl:call-template></dd>
                </div>
              </xsl:if>
              <div>
                <dt><xsl:value-of select="kt:msg('job.deadline')"/></dt>
                <dd>
                  <xsl:call-template name="job-deadline">
                    <xsl:with-param name="date" select="deadline/@date"/>
                    <xsl:with-param name="time" select="deadline/@time"/>
                  </xsl:call-template>
                </dd>
              </div>
            </dl>
          </article>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>

</xsl:stylesheet>
