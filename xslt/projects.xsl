<?xml version="1.0" encoding="UTF-8"?>
<!--
  Funded projects (src/kt_projects.c):
    projects  <projects><project id start end eu-grant><name/><organisation id/><funder/></project>…
    project   one <project> with <national-objective/>, <description lang/>, <link href/>,
              and <activities><activity>…</activity>…</activities> (summaries)
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:kt="urn:kotoutuminen:xslt"
    exclude-result-prefixes="kt">

  <xsl:import href="layout.xsl"/>

  <xsl:template match="page[@type = 'projects']" mode="title">
    <xsl:value-of select="kt:msg('projects.heading')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'project']" mode="title">
    <xsl:value-of select="normalize-space(project/name)"/>
  </xsl:template>

  <xsl:template name="period">
    <xsl:param name="project"/>
    <xsl:if test="$project/@start">
      <xsl:call-template name="date"><xsl:with-param name="date" select="$project/@start"/></xsl:call-template>
    </xsl:if>
    <xsl:text>–</xsl:text>
    <xsl:if test="$project/@end">
      <xsl:call-template name="date"><xsl:with-param name="date" select="$project/@end"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="page[@type = 'projects']" mode="main">
    <h1><xsl:value-of select="kt:msg('projects.heading')"/></h1>
    <p class="lead"><xsl:value-of select="kt:msg('projects.intro')"/></p>
    <xsl:choose>
      <xsl:when test="projects/project">
        <!-- scrolls in its own box, a focusable region, when the window is too narrow -->
        <div class="table-wrap" role="region" tabindex="0" aria-labelledby="projects-caption">
          <table class="table">
            <caption id="projects-caption" class="visually-hidden"><xsl:value-of select="kt:msg('projects.heading')"/></caption>
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="kt:msg('project.name')"/></th>
                <th scope="col"><xsl:value-of select="kt:msg('listing.organisation')"/></th>
                <th scope="col"><xsl:value-of select="kt:msg('project.period')"/></th>
                <th scope="col"><xsl:value-of select="kt:msg('project.eu-grant')"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="projects/project">
                <tr>
                  <th scope="row"><a href="{$home}projects/{@id}"><xsl:value-of select="normalize-space(name)"/></a></th>
                  <td><a href="{$home}organisations/{organisation/@id}"><xsl:value-of select="normalize-space(organisation)"/></a></td>
                  <td><xsl:call-template name="period"><xsl:with-param name="project" select="."/></xsl:call-template></td>
                  <td>
                    <xsl:if test="string(number(@eu-grant)) != 'NaN'">
                      <xsl:call-template name="euros"><xsl:with-param name="amount" select="@eu-grant"/></xsl:call-template>
                    </xsl:if>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty"><xsl:value-of select="kt:msg('projects.none')"/></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page[@type = 'project']" mode="main">
    <xsl:variable name="pr" select="project"/>
    <p class="breadcrumb"><a href="{$home}projects"><xsl:value-of select="kt:msg('projects.heading')"/></a></p>
    <h1><xsl:value-of select="normalize-space($pr/name)"/></h1>
    <dl class="facts">
      <xsl:call-template name="fact">
        <xsl:with-param name="label" select="kt:msg('listing.organisation')"/>
        <xsl:with-param name="value">
          <a href="{$home}organisations/{$pr/organisation/@id}"><xsl:value-of select="normalize-space($pr/organisation)"/></a>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:if test="$pr/@start or $pr/@end">
        <xsl:call-template name="fact">
          <xsl:with-param name="label" select="kt:msg('project.period')"/>
          <xsl:with-param name="value">
            <xsl:call-template name="period"><xsl:with-param name="project" select="$pr"/></xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="fact">
        <xsl:with-param name="label" select="kt:msg('project.funder')"/>
        <xsl:with-param name="value" select="normalize-space($pr/funder)"/>
      </xsl:call-template>
      <xsl:if test="string(number($pr/@eu-grant)) != 'NaN'">
        <xsl:call-template name="fact">
          <xsl:with-param name="label" select="kt:msg('project.eu-grant')"/>
          <xsl:with-param name="value">
            <xsl:call-template name="euros"><xsl:with-param name="amount" select="$pr/@eu-grant"/></xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="fact">
        <xsl:with-param name="label" select="kt:msg('project.objective')"/>
        <xsl:with-param name="value" select="normalize-space($pr/national-objective)"/>
      </xsl:call-template>
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
