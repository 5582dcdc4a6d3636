<?xml version="1.0" encoding="UTF-8"?>
<!--
  Funded projects (src/kt_projects.c):
    projects  the list, GET /{lang}/projects: <projects-search page new-href> with
              <asked><filter param value remove-href/>…</asked>,
              <options for="funder|objective"><option value/>…</options>,
              <results total first last past-end><project/>…</results>, <pages>
    project   one <project id start end ended running grant updated> with <name lang/>,
              <organisation id business-id/>, <funder code/>, <objective code/>,
              <description lang/>, <area nationwide><regions><region code/>…</regions></area>,
              <contact name email phone/>, <link href/>, <partners><partner id/>…</partners>;
              and <activities><activity>…</activity>…</activities> (summaries)
  Cards come from project-cards.xsl.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:kt="urn:kotoutuminen:xslt"
    exclude-result-prefixes="kt">

  <xsl:import href="layout.xsl"/>
  <xsl:include href="project-cards.xsl"/>

  <xsl:template match="page[@type = 'projects']" mode="title">
    <xsl:value-of select="kt:msg('projects.heading')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'project']" mode="title">
    <xsl:value-of select="normalize-space(project/name)"/>
  </xsl:template>

  <xsl:template match="page[@type = 'projects']" mode="main">
    <xsl:variable name="s" select="projects-search"/>
    <h1><xsl:value-of select="kt:msg('projects.heading')"/></h1>
    <p class="lead"><xsl:value-of select="kt:msg('projects.intro')"/></p>
    <xsl:call-template name="projects-form"><xsl:with-param name="s" select="$s"/></xsl:call-template>
    <xsl:call-template name="projects-results"><xsl:with-param name="s" select="$s"/></xsl:call-template>
  </xsl:template>

  <!-- The filters as a GET form: the values asked are chosen again. -->
  <xsl:template name="projects-form">
    <xsl:param name="s"/>
    <section class="search-panel" aria-labelledby="projects-filters-heading">
      <h2 id="projects-filters-heading"><xsl:value-of select="kt:msg('projects.filters')"/></h2>
      <form action="{$home}projects" method="get" role="search" aria-labelledby="projects-filters-heading">
        <div class="field">
          <label for="projects-q"><xsl:value-of select="kt:msg('projects.q.label')"/></label>
          <input type="search" id="projects-q" name="q" value="{$s/asked/filter[@param = 'q']/@value}"/>
        </div>
        <xsl:for-each select="$s/options">
          <xsl:variable name="param" select="@for"/>
          <fieldset class="choices">
            <legend><xsl:value-of select="kt:msg(concat('projects.', $param, '.legend'))"/></legend>
            <ul class="checkbox-list">
              <xsl:for-each select="option">
                <li>
                  <input type="checkbox" id="projects-{$param}-{@value}" name="{$param}" value="{@value}">
                    <xsl:if test="$s/asked/filter[@param = $param][@value = current()/@value]">
                      <xsl:attribute name="checked">checked</xsl:attribute>
                    </xsl:if>
                  </input>
                  <label for="projects-{$param}-{@value}"><xsl:value-of select="normalize-space(.)"/></label>
                </li>
              </xsl:for-each>
            </ul>
          </fieldset>
        </xsl:for-each>
        <fieldset class="choices">
          <legend><xsl:value-of select="kt:msg('search.more.legend')"/></legend>
          <ul class="checkbox-list">
            <li>
              <input type="checkbox" id="projects-active" name="active" value="1">
                <xsl:if test="$s/asked/filter[@param = 'active']"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
              </input>
              <label for="projects-active"><xsl:value-of select="kt:msg('projects.active.label')"/></label>
            </li>
          </ul>
        </fieldset>
        <p class="actions">
          <button type="submit"><xsl:value-of select="kt:msg('projects.submit')"/></button>
        </p>
      </form>
    </section>
  </xsl:template>

  <xsl:template name="projects-results">
    <xsl:param name="s"/>
    <xsl:variable name="r" select="$s/results"/>
    <section aria-labelledby="projects-results-heading">
      <h2 id="projects-results-heading">
        <xsl:value-of select="kt:msg('projects.results')"/>
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
                    <xsl:when test="$param = 'active'"><xsl:value-of select="kt:msg('projects.active.label')"/></xsl:when>
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
        <xsl:when test="$r/project">
          <p class="meta">
            <xsl:value-of select="concat($r/@first, '–', $r/@last, ' / ', $r/@total)"/>
          </p>
          <xsl:call-template name="project-cards">
            <xsl:with-param name="projects" select="$r/project"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="$r/@past-end = 'true'">
          <p class="empty"><xsl:value-of select="kt:msg('projects.past-end')"/></p>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty"><xsl:value-of select="kt:msg('projects.none')"/></p>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="list-pages">
        <xsl:with-param name="pages" select="$s/pages"/>
        <xsl:with-param name="label-key" select="'projects.pages'"/>
      </xsl:call-template>
    </section>
  </xsl:template>

  <!-- ==== one project ==================================================== -->

  <xsl:template match="page[@type = 'project']" mode="main">
    <xsl:variable name="pr" select="project"/>
    <p class="breadcrumb"><a href="{$home}projects"><xsl:value-of select="kt:msg('projects.heading')"/></a></p>
    <h1><xsl:call-template name="text-inline"><xsl:with-param name="text" select="$pr/name"/></xsl:call-template></h1>
    <xsl:if test="$pr/@ended = 'true'">
      <p class="callout"><strong><xsl:value-of select="kt:msg('project.ended.text')"/></strong></p>
    </xsl:if>
    <dl class="facts">
      <xsl:call-template name="fact">
        <xsl:with-param name="label" select="kt:msg('project.runner')"/>
        <xsl:with-param name="value">
          <a href="{$home}organisations/{$pr/organisation/@id}"><xsl:value-of select="normalize-space($pr/organisation)"/></a>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:if test="$pr/partners/partner">
        <xsl:call-template name="fact">
          <xsl:with-param name="label" select="kt:msg('project.partners')"/>
          <xsl:with-param name="value">
            <xsl:for-each select="$pr/partners/partner">
              <xsl:if test="position() &gt; 1">, </xsl:if>
              <a href="{$home}organisations/{@id}"><xsl:value-of select="normalize-space(.)"/></a>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="normalize-space($pr/@start) or normalize-space($pr/@end)">
        <xsl:call-template name="fact">
          <xsl:with-param name="label" select="kt:msg('project.period')"/>
          <xsl:with-param name="value">
            <xsl:call-template name="project-period"><xsl:with-param name="project" select="$pr"/></xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="fact">
        <xsl:with-param name="label" select="kt:msg('project.funder')"/>
        <xsl:with-param name="value" select="normalize-space($pr/funder)"/>
      </xsl:call-template>
      <xsl:call-template name="fact">
        <xsl:with-param name="label" select="kt:msg('project.objective')"/>
        <xsl:with-param name="value" select="normalize-space($pr/objective)"/>
      </xsl:call-template>
      <xsl:if test="string(number($pr/@grant)) != 'NaN'">
        <xsl:call-template name="fact">
          <xsl:with-param name="label" select="kt:msg('project.grant')"/>
          <xsl:with-param name="value">
            <xsl:call-template name="euros"><xsl:with-param name="amount" select="$pr/@grant"/></xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="$pr/area/@nationwide = 'true' or $pr/area/regions/region">
        <xsl:call-template name="fact">
          <xsl:with-param name="label" select="kt:msg('project.area')"/>
          <xsl:with-param name="value">
            <xsl:choose>
              <xsl:when test="$pr/area/@nationwide = 'true'"><xsl:value-of select="kt:msg('project.nationwide')"/></xsl:when>
              <xsl:otherwise><xsl:call-template name="names"><xsl:with-param name="items" select="$pr/area/regions/region"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="$pr/contact">
        <xsl:call-template name="fact">
          <xsl:with-param name="label" select="kt:msg('project.contact')"/>
          <xsl:with-param name="value">
            <xsl:if test="normalize-space($pr/contact/@name)"><xsl:value-of select="$pr/contact/@name"/><br/></xsl:if>
            <xsl:if test="normalize-space($pr/contact/@email)">
              <a href="mailto:{$pr/contact/@email}"><xsl:value-of select="$pr/contact/@email"/></a><br/>
            </xsl:if>
            <xsl:value-of select="$pr/contact/@phone"/>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="normalize-space($pr/link/@href)">
        <xsl:call-template name="fact">
          <xsl:with-param name="label" select="kt:msg('project.link')"/>
          <xsl:with-param name="value">
            <xsl:call-template name="web-link"><xsl:with-param name="url" select="$pr/link/@href"/></xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
    </dl>
    <xsl:if test="normalize-space($pr/description)">
      <xsl:call-template name="text-block"><xsl:with-param name="text" select="$pr/description"/></xsl:call-template>
    </xsl:if>
    <section aria-labelledby="activities-heading">
      <h2 id="activities-heading"><xsl:value-of select="kt:msg('project.activities')"/></h2>
      <xsl:choose>
        <xsl:when test="activities/activity">
          <xsl:call-template name="activity-cards">
            <xsl:with-param name="activities" select="activities/activity"/>
            <xsl:with-param name="level" select="3"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty"><xsl:value-of select="kt:msg('project.activities.none')"/></p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

</xsl:stylesheet>
