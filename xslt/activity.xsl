<?xml version="1.0" encoding="UTF-8"?>
<!--
  One activity listing (/page/@type = 'activity'): every public field of the
  full <activity> (HACKING.md).  Sections appear only when they have content;
  every section has an h2 so that screen-reader users can jump between them.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:kt="urn:kotoutuminen:xslt"
    exclude-result-prefixes="kt">

  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="normalize-space(activity/title)"/>
  </xsl:template>

  <xsl:template match="page" mode="main">
    <xsl:apply-templates select="activity"/>
  </xsl:template>

  <xsl:template match="activity">
    <xsl:if test="/page/back/@href">
      <p class="back-link"><a href="{/page/back/@href}"><xsl:value-of select="kt:msg('activity.back')"/></a></p>
    </xsl:if>
    <article class="activity">
      <header class="activity-header">
        <h1>
          <xsl:call-template name="text-inline">
            <xsl:with-param name="text" select="title"/>
          </xsl:call-template>
        </h1>
        <xsl:if test="organisation">
          <p class="lead">
            <xsl:value-of select="kt:msg('activity.organised-by')"/>
            <xsl:text> </xsl:text>
            <a href="{$home}organisations/{organisation/@id}">
              <xsl:value-of select="normalize-space(organisation)"/>
            </a>
          </p>
        </xsl:if>
      </header>

      <xsl:if test="normalize-space(description)">
        <section aria-labelledby="description-heading">
          <h2 id="description-heading"><xsl:value-of select="kt:msg('activity.description')"/></h2>
          <xsl:call-template name="text-block">
            <xsl:with-param name="text" select="description"/>
          </xsl:call-template>
        </section>
      </xsl:if>

      <xsl:call-template name="basics"/>
      <xsl:call-template name="place"/>
      <xsl:call-template name="when"/>
      <xsl:call-template name="contact"/>
      <xsl:call-template name="organiser"/>

      <footer class="activity-footer">
        <xsl:if test="@confirmed">
          <p class="meta">
            <xsl:value-of select="kt:msg('activity.confirmed')"/>
            <xsl:text> </xsl:text>
            <xsl:call-template name="date">
              <xsl:with-param name="date" select="@confirmed"/>
            </xsl:call-template>
          </p>
        </xsl:if>
        <p class="more">
          <a href="{$search-url}"><xsl:value-of select="kt:msg('activity.search-more')"/></a>
        </p>
      </footer>
    </article>
  </xsl:template>

  <!-- What kind of activity, for whom, in which languages, price, registration. -->
  <xsl:template name="basics">
    <section aria-labelledby="basics-heading">
      <h2 id="basics-heading"><xsl:value-of select="kt:msg('activity.basics')"/></h2>
      <dl class="facts">
        <xsl:call-template name="fact-terms">
          <xsl:with-param name="label" select="kt:msg('activity.forms')"/>
          <xsl:with-param name="items" select="forms/form"/>
        </xsl:call-template>
        <xsl:call-template name="fact-terms">
          <xsl:with-param name="label" select="kt:msg('activity.themes')"/>
          <xsl:with-param name="items" select="themes/theme"/>
        </xsl:call-template>
        <xsl:call-template name="fact-terms">
          <xsl:with-param name="label" select="kt:msg('activity.targets')"/>
          <xsl:with-param name="items" select="targets/target"/>
        </xsl:call-template>
        <xsl:call-template name="fact-terms">
          <xsl:with-param name="label" select="kt:msg('activity.languages')"/>
          <xsl:with-param name="items" select="languages/language"/>
        </xsl:call-template>
        <xsl:if test="price">
          <xsl:call-template name="fact">
            <xsl:with-param name="label" select="kt:msg('activity.price')"/>
            <xsl:with-param name="value">
              <xsl:call-template name="price"/>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:if>
        <xsl:if test="registration">
          <xsl:call-template name="fact">
            <xsl:with-param name="label" select="kt:msg('activity.registration')"/>
            <xsl:with-param name="value">
              <xsl:choose>
                <xsl:when test="registration/@required = 'true'">
                  <xsl:value-of select="kt:msg('registration.required')"/>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:value-of select="kt:msg('registration.drop-in')"/>
                </xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:if>
      </dl>
    </section>
  </xsl:template>

  <!-- A fact whose value is a list of vocabulary terms. -->
  <xsl:template name="fact-terms">
    <xsl:param name="label"/>
    <xsl:param name="items"/>
    <xsl:if test="$items">
      <div>
        <dt><xsl:value-of select="$label"/></dt>
        <dd>
          <xsl:call-template name="term-list">
            <xsl:with-param name="items" select="$items"/>
          </xsl:call-template>
        </dd>
      </div>
    </xsl:if>
  </xsl:template>

  <xsl:template name="place">
    <xsl:if test="place">
      <section aria-labelledby="place-heading">
        <h2 id="place-heading"><xsl:value-of select="kt:msg('activity.place')"/></h2>
        <dl class="facts">
          <xsl:if test="place/@online = 'true'">
            <xsl:call-template name="fact">
              <xsl:with-param name="label" select="kt:msg('place.where')"/>
              <xsl:with-param name="value" select="kt:msg('place.online')"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:if test="place/@nationwide = 'true'">
            <xsl:call-template name="fact">
              <xsl:with-param name="label" select="kt:msg('place.area')"/>
              <xsl:with-param name="value" select="kt:msg('place.nationwide')"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:call-template name="fact">
            <xsl:with-param name="label" select="kt:msg('place.municipality')"/>
            <xsl:with-param name="value" select="normalize-space(place/municipality)"/>
          </xsl:call-template>
          <xsl:call-template name="fact">
            <xsl:with-param name="label" select="kt:msg('place.region')"/>
            <xsl:with-param name="value" select="normalize-space(place/municipality/@region)"/>
          </xsl:call-template>
          <xsl:if test="place/address">
            <xsl:call-template name="fact">
              <xsl:with-param name="label" select="kt:msg('place.address')"/>
              <xsl:with-param name="value">
                <xsl:value-of select="place/address/@street"/>
                <xsl:if test="normalize-space(place/address/@street) and
                              normalize-space(concat(place/address/@postal-code, place/address/@post-office))">
                  <br/>
                </xsl:if>
                <xsl:value-of select="normalize-space(concat(place/address/@postal-code, ' ',
                                                             place/address/@post-office))"/>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:if>
          <xsl:if test="place/map/@href">
            <div>
              <dt class="visually-hidden"><xsl:value-of select="kt:msg('activity.map')"/></dt>
              <dd><a href="{place/map/@href}"><xsl:value-of select="kt:msg('activity.map')"/></a></dd>
            </div>
          </xsl:if>
          <xsl:if test="normalize-space(place/accessibility)">
            <div>
              <dt><xsl:value-of select="kt:msg('place.accessibility')"/></dt>
              <dd>
                <xsl:call-template name="text-inline">
                  <xsl:with-param name="text" select="place/accessibility"/>
                </xsl:call-template>
              </dd>
            </div>
          </xsl:if>
        </dl>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- Period, weekly times, dated sessions, calendar download. -->
  <xsl:template name="when">
    <xsl:if test="period/@start or period/@end or schedule/slot or sessions/session">
      <section aria-labelledby="when-heading">
        <h2 id="when-heading"><xsl:value-of select="kt:msg('activity.when')"/></h2>
        <xsl:if test="normalize-space(next/@at)">
          <p class="next-time">
            <strong><xsl:value-of select="kt:msg('activity.next')"/>: </strong>
            <xsl:call-template name="date-time">
              <xsl:with-param name="at" select="next/@at"/>
            </xsl:call-template>
          </p>
        </xsl:if>
        <xsl:if test="period/@start or period/@end">
          <dl class="facts">
            <xsl:if test="period/@start">
              <xsl:call-template name="fact">
                <xsl:with-param name="label" select="kt:msg('period.start')"/>
                <xsl:with-param name="value">
                  <xsl:call-template name="date">
                    <xsl:with-param name="date" select="period/@start"/>
                  </xsl:call-template>
                </xsl:with-param>
              </xsl:call-template>
            </xsl:if>
            <xsl:if test="period/@end">
              <xsl:call-template name="fact">
                <xsl:with-param name="label" select="kt:msg('period.end')"/>
                <xsl:with-param name="value">
                  <xsl:call-template name="date">
                    <xsl:with-param name="date" select="period/@end"/>
                  </xsl:call-template>
                </xsl:with-param>
              </xsl:call-template>
            </xsl:if>
          </dl>
        </xsl:if>
        <xsl:apply-templates select="schedule[slot]"/>
        <xsl:apply-templates select="sessions[session]"/>
        <xsl:if test="schedule/slot or sessions/session">
          <p class="calendar">
            <a href="{$home}activities/{@id}.ics" type="text/calendar">
              <xsl:value-of select="kt:msg('activity.calendar')"/>
            </a>
          </p>
        </xsl:if>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template match="schedule">
    <!-- a table that keeps its columns scrolls in its own box when the window is too
         narrow: a focusable region named by the caption (the gate's reflow check) -->
    <div class="table-wrap" role="region" tabindex="0" aria-labelledby="schedule-caption">
      <table class="times">
        <caption id="schedule-caption"><xsl:value-of select="kt:msg('schedule.caption')"/></caption>
        <thead>
          <tr>
            <th scope="col"><xsl:value-of select="kt:msg('schedule.weekday')"/></th>
            <th scope="col"><xsl:value-of select="kt:msg('schedule.time')"/></th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="slot">
            <tr>
              <th scope="row">
                <xsl:call-template name="weekday-name">
                  <xsl:with-param name="n" select="@weekday"/>
                </xsl:call-template>
              </th>
              <td>
                <xsl:call-template name="time-range">
                  <xsl:with-param name="start" select="@start"/>
                  <xsl:with-param name="end" select="@end"/>
                </xsl:call-template>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <!-- Sessions of an event series: 'YYYY-MM-DDTHH:MM' start and end. -->
  <xsl:template match="sessions">
    <div class="table-wrap" role="region" tabindex="0" aria-labelledby="sessions-caption">
      <table class="times">
        <caption id="sessions-caption"><xsl:value-of select="kt:msg('sessions.caption')"/></caption>
        <thead>
          <tr>
            <th scope="col"><xsl:value-of select="kt:msg('sessions.date')"/></th>
            <th scope="col"><xsl:value-of select="kt:msg('schedule.time')"/></th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="session">
            <xsl:variable name="start-day" select="substring(@start, 1, 10)"/>
            <xsl:variable name="end-day" select="substring(@end, 1, 10)"/>
            <tr>
              <th scope="row">
                <xsl:call-template name="weekday-name">
                  <xsl:with-param name="n">
                    <xsl:call-template name="weekday-of">
                      <xsl:with-param name="date" select="$start-day"/>
                    </xsl:call-template>
                  </xsl:with-param>
                </xsl:call-template>
                <xsl:text> </xsl:text>
                <xsl:call-template name="date">
                  <xsl:with-param name="date" select="$start-day"/>
                </xsl:call-template>
              </th>
              <td>
                <xsl:call-template name="time">
                  <xsl:with-param name="time" select="substring(@start, 12, 5)"/>
                </xsl:call-template>
                <xsl:if test="@end">
                  <xsl:text>–</xsl:text>
                  <!-- a session running past midnight names its end day too -->
                  <xsl:if test="$end-day != $start-day">
                    <xsl:call-template name="date">
                      <xsl:with-param name="date" select="$end-day"/>
                    </xsl:call-template>
                    <xsl:text> </xsl:text>
                  </xsl:if>
                  <xsl:call-template name="time">
                    <xsl:with-param name="time" select="substring(@end, 12, 5)"/>
                  </xsl:call-template>
                </xsl:if>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <xsl:template name="contact">
    <xsl:if test="normalize-space(concat(contact/@name, contact/@email, contact/@phone, link/@href))">
      <section aria-labelledby="contact-heading">
        <h2 id="contact-heading"><xsl:value-of select="kt:msg('activity.contact')"/></h2>
        <dl class="facts">
          <xsl:call-template name="fact">
            <xsl:with-param name="label" select="kt:msg('contact.name')"/>
            <xsl:with-param name="value" select="normalize-space(contact/@name)"/>
          </xsl:call-template>
          <xsl:if test="normalize-space(contact/@email)">
            <xsl:call-template name="fact">
              <xsl:with-param name="label" select="kt:msg('contact.email')"/>
              <xsl:with-param name="value">
                <a href="mailto:{normalize-space(contact/@email)}">
                  <xsl:value-of select="normalize-space(contact/@email)"/>
                </a>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:if>
          <xsl:if test="normalize-space(contact/@phone)">
            <xsl:call-template name="fact">
              <xsl:with-param name="label" select="kt:msg('contact.phone')"/>
              <xsl:with-param name="value">
                <!-- tel: wants the digits only; the text keeps the writer's spacing -->
                <a href="tel:{translate(contact/@phone, ' -()/.&#160;', '')}">
                  <xsl:value-of select="normalize-space(contact/@phone)"/>
                </a>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:if>
          <xsl:if test="normalize-space(link/@href)">
            <xsl:call-template name="fact">
              <xsl:with-param name="label" select="kt:msg('activity.link')"/>
              <xsl:with-param name="value">
                <xsl:call-template name="web-link">
                  <xsl:with-param name="url" select="link/@href"/>
                  <xsl:with-param name="text" select="kt:msg('activity.link.text')"/>
                </xsl:call-template>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:if>
        </dl>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- The organisation is named in the header already; here only the funded
       project the activity belongs to, if any. -->
  <xsl:template name="organiser">
    <xsl:if test="project">
      <section aria-labelledby="project-heading">
        <h2 id="project-heading"><xsl:value-of select="kt:msg('activity.project')"/></h2>
        <p>
          <xsl:value-of select="kt:msg('activity.project.intro')"/>
          <xsl:text> </xsl:text>
          <xsl:call-template name="text-inline">
            <xsl:with-param name="text" select="project"/>
            <xsl:with-param name="href" select="concat($home, 'projects/', project/@id)"/>
          </xsl:call-template>
        </p>
      </section>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
