<?xml version="1.0" encoding="UTF-8"?>
<!--
  Front page (/page/@type = 'front'): search form, newest activities, the next
  events, news.  Content: <newest>, <next-events>, <news-list> (news.xsl's),
  <search-form><forms>… (HACKING.md).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:kt="urn:kotoutuminen:xslt"
    exclude-result-prefixes="kt">

  <xsl:import href="layout.xsl"/>
  <xsl:include href="event-cards.xsl"/>

  <!-- The front page's <title> is the site name alone. -->
  <xsl:template match="page" mode="title"/>

  <xsl:template match="page" mode="main">
    <div class="intro">
      <h1><xsl:value-of select="kt:msg('front.heading')"/></h1>
      <p class="lead"><xsl:value-of select="kt:msg('front.intro')"/></p>
    </div>
    <xsl:call-template name="search-form">
      <xsl:with-param name="forms" select="search-form/forms/form"/>
    </xsl:call-template>
    <div class="front-columns">
      <xsl:call-template name="newest"/>
      <xsl:call-template name="news"/>
    </div>
    <xsl:call-template name="next-events"/>
  </xsl:template>

  <!-- The next events and trainings for professionals and volunteers. -->
  <xsl:template name="next-events">
    <section class="next-events" aria-labelledby="events-heading">
      <h2 id="events-heading"><xsl:value-of select="kt:msg('front.events.heading')"/></h2>
      <xsl:choose>
        <xsl:when test="next-events/event">
          <xsl:call-template name="event-cards">
            <xsl:with-param name="events" select="next-events/event"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty"><xsl:value-of select="kt:msg('front.events.none')"/></p>
        </xsl:otherwise>
      </xsl:choose>
      <p class="more">
        <a href="{$home}events"><xsl:value-of select="kt:msg('front.events.all')"/></a>
      </p>
      <p class="more">
        <a href="{$home}jobs"><xsl:value-of select="kt:msg('front.jobs.link')"/></a>
      </p>
    </section>
  </xsl:template>

  <!-- GET form to the search page.  Checkboxes rather than a select with an
       "all" option: nothing is sent for an unticked box, so the search page
       never sees an empty form= value, and several forms can be chosen
       (repeated parameters are ORed, ROUTES.md). -->
  <xsl:template name="search-form">
    <xsl:param name="forms"/>
    <section class="search-panel" aria-labelledby="search-heading">
      <h2 id="search-heading"><xsl:value-of select="kt:msg('search.heading')"/></h2>
      <form action="{$search-url}" method="get" role="search" aria-labelledby="search-heading">
        <div class="field">
          <label for="q"><xsl:value-of select="kt:msg('search.q.label')"/></label>
          <p class="hint" id="q-hint"><xsl:value-of select="kt:msg('search.q.hint')"/></p>
          <input type="search" id="q" name="q" aria-describedby="q-hint"/>
        </div>
        <xsl:if test="$forms">
          <fieldset class="choices">
            <legend><xsl:value-of select="kt:msg('search.form.legend')"/></legend>
            <ul class="checkbox-list">
              <xsl:for-each select="$forms">
                <li>
                  <input type="checkbox" id="form-{@code}" name="form" value="{@code}"/>
                  <label for="form-{@code}"><xsl:value-of select="normalize-space(.)"/></label>
                </li>
              </xsl:for-each>
            </ul>
          </fieldset>
        </xsl:if>
        <fieldset class="choices">
          <legend><xsl:value-of select="kt:msg('search.more.legend')"/></legend>
          <ul class="checkbox-list">
            <li>
              <input type="checkbox" id="free" name="free" value="1"/>
              <label for="free"><xsl:value-of select="kt:msg('search.free.label')"/></label>
            </li>
            <li>
              <input type="checkbox" id="online" name="online" value="1"/>
              <label for="online"><xsl:value-of select="kt:msg('search.online.label')"/></label>
            </li>
          </ul>
        </fieldset>
        <p class="actions">
          <button type="submit"><xsl:value-of select="kt:msg('search.submit')"/></button>
        </p>
      </form>
    </section>
  </xsl:template>

  <xsl:template name="newest">
    <section class="newest" aria-labelledby="newest-heading">
      <h2 id="newest-heading"><xsl:value-of select="kt:msg('front.newest.heading')"/></h2>
      <xsl:choose>
        <xsl:when test="newest/activity">
          <xsl:call-template name="activity-cards">
            <xsl:with-param name="activities" select="newest/activity"/>
            <xsl:with-param name="level" select="3"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty"><xsl:value-of select="kt:msg('front.newest.none')"/></p>
        </xsl:otherwise>
      </xsl:choose>
      <p class="more">
        <a href="{$search-url}?sort=newest"><xsl:value-of select="kt:msg('front.newest.all')"/></a>
      </p>
    </section>
  </xsl:template>

  <xsl:template name="news">
    <section class="news" aria-labelledby="news-heading">
      <h2 id="news-heading"><xsl:value-of select="kt:msg('front.news.heading')"/></h2>
      <xsl:choose>
        <xsl:when test="news-list/news">
          <ul class="news-list">
            <xsl:apply-templates select="news-list/news"/>
          </ul>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty"><xsl:value-of select="kt:msg('front.news.none')"/></p>
        </xsl:otherwise>
      </xsl:choose>
      <p class="more">
        <a href="{$home}news"><xsl:value-of select="kt:msg('front.news.all')"/></a>
      </p>
    </section>
  </xsl:template>

  <!-- A news item: linked title, date, and its summary as a teaser. -->
  <xsl:template match="news">
    <li>
      <article class="news-item">
        <h3>
          <xsl:call-template name="text-inline">
            <xsl:with-param name="text" select="title"/>
            <xsl:with-param name="href" select="concat($home, 'news/', @id)"/>
          </xsl:call-template>
        </h3>
        <xsl:if test="@published">
          <p class="meta">
            <xsl:call-template name="date">
              <xsl:with-param name="date" select="@published"/>
            </xsl:call-template>
          </p>
        </xsl:if>
        <xsl:if test="normalize-space(summary)">
          <p class="teaser">
            <xsl:call-template name="text-inline"><xsl:with-param name="text" select="summary"/></xsl:call-template>
          </p>
        </xsl:if>
      </article>
    </li>
  </xsl:template>

</xsl:stylesheet>
