<?xml version="1.0" encoding="UTF-8"?>
<!--
  Organisation profile (/page/@type = 'organisation'): who they are, then for
  every kind that lists an organisation's items (src/kt_organisation.c, the
  kinds' by_org) a <published kind segment> with its list: <activities>,
  <events>, <jobs>, <projects> (run and partnered), <networks> (with each
  one's @role) have their own cards or lists; a kind without a template of
  its own here gets a list of links to its items (each child element with @id
  and <title> or <name>).
  The directory (/page/@type = 'organisations', GET /{lang}/organisations):
  <directory page new-href> with <asked>, <options for="municipality|type">,
  <results total first last past-end><organisation id business-id type-code>
  <name/><type/><municipality code/></organisation>…</results>, <pages>.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:kt="urn:kotoutuminen:xslt"
    exclude-result-prefixes="kt">

  <xsl:import href="layout.xsl"/>
  <xsl:include href="event-cards.xsl"/>
  <xsl:include href="job-cards.xsl"/>
  <xsl:include href="project-cards.xsl"/>

  <xsl:template match="page[@type = 'organisation']" mode="title">
    <xsl:value-of select="normalize-space(organisation/name)"/>
  </xsl:template>
  <xsl:template match="page[@type = 'organisations']" mode="title">
    <xsl:value-of select="kt:msg('organisations.heading')"/>
  </xsl:template>

  <xsl:template match="page[@type = 'organisation']" mode="main">
    <xsl:apply-templates select="organisation"/>
    <xsl:apply-templates select="published"/>
  </xsl:template>

  <!-- A kind with no template of its own: its items as links. -->
  <xsl:template match="published">
    <xsl:variable name="items" select="*/*[@id]"/>
    <xsl:if test="$items">
      <section aria-labelledby="org-{@kind}-heading">
        <h2 id="org-{@kind}-heading"><xsl:value-of select="kt:msg(concat('kind.', @kind, '.plural'))"/></h2>
        <ul class="link-list">
          <xsl:for-each select="$items">
            <li>
              <xsl:call-template name="text-inline">
                <xsl:with-param name="text" select="(title | name)[1]"/>
                <xsl:with-param name="href" select="concat($home, ../../@segment, '/', @id)"/>
              </xsl:call-template>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template match="published[@kind = 'project']">
    <xsl:variable name="run" select="projects/project[@role = 'run']"/>
    <xsl:variable name="partnered" select="projects/project[@role = 'partner']"/>
    <xsl:if test="$run">
      <section aria-labelledby="projects-heading">
        <h2 id="projects-heading"><xsl:value-of select="kt:msg('organisation.projects')"/></h2>
        <xsl:call-template name="project-cards"><xsl:with-param name="projects" select="$run"/></xsl:call-template>
      </section>
    </xsl:if>
    <xsl:if test="$partnered">
      <section aria-labelledby="partner-projects-heading">
        <h2 id="partner-projects-heading"><xsl:value-of select="kt:msg('organisation.projects.partner')"/></h2>
        <xsl:call-template name="project-cards">
          <xsl:with-param name="projects" select="$partnered"/>
          <xsl:with-param name="show-role" select="true()"/>
        </xsl:call-template>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template match="published[@kind = 'event']">
    <section aria-labelledby="org-events-heading">
      <h2 id="org-events-heading"><xsl:value-of select="kt:msg('organisation.events')"/></h2>
      <xsl:choose>
        <xsl:when test="events/event">
          <xsl:call-template name="event-cards">
            <xsl:with-param name="events" select="events/event"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty"><xsl:value-of select="kt:msg('organisation.events.none')"/></p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- Open jobs and volunteer roles: only when the organisation has some. -->
  <xsl:template match="published[@kind = 'job']">
    <xsl:if test="jobs/job">
      <section aria-labelledby="org-jobs-heading">
        <h2 id="org-jobs-heading"><xsl:value-of select="kt:msg('organisation.jobs')"/></h2>
        <xsl:call-template name="job-cards">
          <xsl:with-param name="jobs" select="jobs/job"/>
        </xsl:call-template>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- The networks it coordinates or belongs to (src/kt_networks.c). -->
  <xsl:template match="published[@kind = 'network']">
    <section aria-labelledby="org-networks-heading">
      <h2 id="org-networks-heading"><xsl:value-of select="kt:msg('organisation.networks')"/></h2>
      <xsl:choose>
        <xsl:when test="networks/network">
          <ul class="org-list">
            <xsl:for-each select="networks/network">
              <li>
                <xsl:call-template name="text-inline">
                  <xsl:with-param name="text" select="title"/>
                  <xsl:with-param name="href" select="concat($home, 'networks/', @id)"/>
                </xsl:call-template>
                <xsl:value-of select="concat(' – ', kt:msg(concat('organisation.networks.', @role)))"/>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty"><xsl:value-of select="kt:msg('organisation.networks.none')"/></p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template match="organisation">
    <h1><xsl:value-of select="normalize-space(name)"/></h1>
    <dl class="facts">
      <xsl:call-template name="fact">
        <xsl:with-param name="label" select="kt:msg('organisation.type')"/>
        <xsl:with-param name="value" select="normalize-space(type)"/>
      </xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="label" select="kt:msg('organisation.business-id')"/>
        <xsl:with-param name="value" select="normalize-space(@business-id)"/>
      </xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="label" select="kt:msg('organisation.registry-number')"/>
        <xsl:with-param name="value" select="normalize-space(@registry-number)"/>
      </xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="label" select="kt:msg('organisation.municipality')"/>
        <xsl:with-param name="value" select="normalize-space(municipality)"/>
      </xsl:call-template>
      <xsl:if test="normalize-space(website/@href)">
        <xsl:call-template name="fact">
          <xsl:with-param name="label" select="kt:msg('organisation.website')"/>
          <xsl:with-param name="value">
            <xsl:call-template name="web-link">
              <xsl:with-param name="url" select="website/@href"/>
            </xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
    </dl>
    <xsl:if test="normalize-space(description)">
      <xsl:call-template name="text-block">
        <xsl:with-param name="text" select="description"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="published[@kind = 'activity']">
    <section aria-labelledby="activities-heading">
      <h2 id="activities-heading"><xsl:value-of select="kt:msg('organisation.activities')"/></h2>
      <xsl:choose>
        <xsl:when test="activities/activity">
          <xsl:call-template name="activity-cards">
            <xsl:with-param name="activities" select="activities/activity"/>
            <xsl:with-param name="level" select="3"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty"><xsl:value-of select="kt:msg('organisation.activities.none')"/></p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- ==== the directory ================================================= -->

  <xsl:template match="page[@type = 'organisations']" mode="main">
    <xsl:variable name="s" select="directory"/>
    <h1><xsl:value-of select="kt:msg('organisations.heading')"/></h1>
    <p class="lead"><xsl:value-of select="kt:msg('organisations.intro')"/></p>
    <section class="search-panel" aria-labelledby="organisations-filters-heading">
      <h2 id="organisations-filters-heading"><xsl:value-of select="kt:msg('organisations.filters')"/></h2>
      <form action="{$home}organisations" method="get" role="search" aria-labelledby="organisations-filters-heading">
        <div class="field">
          <label for="organisations-q"><xsl:value-of select="kt:msg('organisations.q.label')"/></label>
          <p class="hint" id="organisations-q-hint"><xsl:value-of select="kt:msg('organisations.q.hint')"/></p>
          <input type="search" id="organisations-q" name="q" aria-describedby="organisations-q-hint"
                 value="{$s/asked/filter[@param = 'q']/@value}"/>
        </div>
        <xsl:for-each select="$s/options">
          <xsl:variable name="param" select="@for"/>
          <div class="field">
            <label for="organisations-{$param}"><xsl:value-of select="kt:msg(concat('organisations.', $param, '.label'))"/></label>
            <select id="organisations-{$param}" name="{$param}">
              <option value=""><xsl:value-of select="kt:msg('events.all')"/></option>
              <xsl:for-each select="option">
                <option value="{@value}">
                  <xsl:if test="$s/asked/filter[@param = $param][@value = current()/@value]">
                    <xsl:attribute name="selected">selected</xsl:attribute>
                  </xsl:if>
                  <xsl:value-of select="normalize-space(.)"/>
                </option>
              </xsl:for-each>
            </select>
          </div>
        </xsl:for-each>
        <p class="actions">
          <button type="submit"><xsl:value-of select="kt:msg('organisations.submit')"/></button>
        </p>
      </form>
    </section>
    <xsl:variable name="r" select="$s/results"/>
    <section aria-labelledby="organisations-results-heading">
      <h2 id="organisations-results-heading">
        <xsl:value-of select="kt:msg('organisations.results')"/>
        <xsl:value-of select="concat(' (', $r/@total, ')')"/>
      </h2>
      <xsl:if test="$s/asked/filter">
        <div class="active-filters">
          <p><xsl:value-of select="kt:msg('projects.chosen')"/></p>
          <ul class="chips">
            <xsl:for-each select="$s/asked/filter">
              <xsl:variable name="param" select="@param"/>
              <xsl:variable name="value" select="@value"/>
              <li>
                <a href="{@remove-href}">
                  <xsl:choose>
                    <xsl:when test="$s/options[@for = $param]/option[@value = $value]">
                      <xsl:value-of select="normalize-space($s/options[@for = $param]/option[@value = $value])"/>
                    </xsl:when>
                    <xsl:otherwise><xsl:value-of select="$value"/></xsl:otherwise>
                  </xsl:choose>
                  <span class="visually-hidden"><xsl:value-of select="concat(' – ', kt:msg('projects.remove'))"/></span>
                  <span aria-hidden="true"> ×</span>
                </a>
              </li>
            </xsl:for-each>
          </ul>
          <p><a href="{$s/@new-href}"><xsl:value-of select="kt:msg('projects.clear')"/></a></p>
        </div>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$r/organisation">
          <p class="meta"><xsl:value-of select="concat($r/@first, '–', $r/@last, ' / ', $r/@total)"/></p>
          <ul class="cards organisation-cards">
            <xsl:for-each select="$r/organisation">
              <li>
                <article class="card">
                  <h3 class="card-title"><a href="{$home}organisations/{@id}"><xsl:value-of select="normalize-space(name)"/></a></h3>
                  <dl class="card-facts">
                    <div>
                      <dt><xsl:value-of select="kt:msg('organisation.type')"/></dt>
                      <dd><xsl:value-of select="normalize-space(type)"/></dd>
                    </div>
                    <xsl:if test="normalize-space(municipality)">
                      <div>
                        <dt><xsl:value-of select="kt:msg('organisation.municipality')"/></dt>
                        <dd><xsl:value-of select="normalize-space(municipality)"/></dd>
                      </div>
                    </xsl:if>
                  </dl>
                </article>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:when test="$r/@past-end = 'true'">
          <p class="empty"><xsl:value-of select="kt:msg('organisations.past-end')"/></p>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty"><xsl:value-of select="kt:msg('organisations.none')"/></p>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="list-pages">
        <xsl:with-param name="pages" select="$s/pages"/>
        <xsl:with-param name="label-key" select="'organisations.pages'"/>
      </xsl:call-template>
    </section>
  </xsl:template>

</xsl:stylesheet>
