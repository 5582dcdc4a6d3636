<?xml version="1.0" encoding="UTF-8"?>
<!--
  Project cards, included by projects.xsl (the list) and organisation.xsl (a
  profile): <project id start end ended running grant role><name lang/>
  <organisation id/><funder code/><objective code/></project> (src/kt_projects.c).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:kt="urn:kotoutuminen:xslt"
    exclude-result-prefixes="kt">

  <!-- 1.2.2017–31.1.2020 -->
  <xsl:template name="project-period">
    <xsl:param name="project"/>
    <xsl:if test="normalize-space($project/@start)">
      <xsl:call-template name="date"><xsl:with-param name="date" select="$project/@start"/></xsl:call-template>
    </xsl:if>
    <xsl:text>–</xsl:text>
    <xsl:if test="normalize-space($project/@end)">
      <xsl:call-template name="date"><xsl:with-param name="date" select="$project/@end"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="project-cards">
    <xsl:param name="projects"/>
    <xsl:param name="level" select="3"/>
    <xsl:param name="show-role" select="false()"/>
    <ul class="cards project-cards">
      <xsl:for-each select="$projects">
        <li>
          <article class="card">
            <xsl:element name="h{$level}">
              <xsl:attribute name="class">card-title</xsl:attribute>
              <xsl:call-template name="text-inline">
                <xsl:with-param name="text" select="name"/>
                <xsl:with-param name="href" select="concat($home, 'projects/', @id)"/>
              </xsl:call-template>
            </xsl:element>
            <dl class="card-facts">
              <div>
                <dt><xsl:value-of select="kt:msg('project.period')"/></dt>
                <dd>
                  <xsl:call-template name="project-period"><xsl:with-param name="project" select="."/></xsl:call-template>
                  <xsl:if test="@ended = 'true'">
                    <xsl:text> </xsl:text>
                    <span class="badge"><xsl:value-of select="kt:msg('project.ended')"/></span>
                  </xsl:if>
                </dd>
              </div>
              <div>
                <dt>
                  <xsl:choose>
                    <xsl:when test="$show-role and @role = 'partner'"><xsl:value-of select="kt:msg('project.runner')"/></xsl:when>
                    <xsl:otherwise><xsl:value-of select="kt:msg('listing.organisation')"/></xsl:otherwise>
                  </xsl:choose>
                </dt>
                <dd><xsl:value-of select="normalize-space(organisation)"/></dd>
              </div>
              <xsl:if test="normalize-space(funder)">
                <div>
                  <dt><xsl:value-of select="kt:msg('project.funder')"/></dt>
                  <dd><xsl:value-of select="normalize-space(funder)"/></dd>
                </div>
              </xsl:if>
              <xsl:if test="normalize-space(objective)">
                <div>
                  <dt><xsl:value-of select="kt:msg('project.objective')"/></dt>
                  <dd><xsl:value-of select="normalize-space(objective)"/></dd>
                </div>
              </xsl:if>
              <xsl:if test="string(number(@grant)) != 'NaN'">
                <div>
                  <dt><xsl:value-of select="kt:msg('project.grant')"/></dt>
                  <dd><xsl:call-template name="euros"><xsl:with-param name="amount" select="@grant"/></xsl:call-template></dd>
                </div>
              </xsl:if>
            </dl>
          </article>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <!-- The page links of a list (<pages current last>, src/kt_listpage.c). -->
  <xsl:template name="list-pages">
    <xsl:param name="pages"/>
    <xsl:param name="label-key"/>
    <xsl:if test="number($pages/@last) &gt; 1 or number($pages/@current) &gt; number($pages/@last)">
      <nav class="pagination" aria-label="{kt:msg($label-key)}">
        <ul>
          <xsl:for-each select="$pages/*">
            <li>
              <xsl:choose>
                <xsl:when test="self::gap">…</xsl:when>
                <xsl:when test="self::prev"><a href="{@href}" rel="prev"><xsl:value-of select="kt:msg('events.prev')"/></a></xsl:when>
                <xsl:when test="self::next"><a href="{@href}" rel="next"><xsl:value-of select="kt:msg('events.next')"/></a></xsl:when>
                <xsl:when test="@current = 'true'"><a href="{@href}" aria-current="page"><xsl:value-of select="@n"/></a></xsl:when>
                <xsl:otherwise><a href="{@href}"><xsl:value-of select="@n"/></a></xsl:otherwise>
              </xsl:choose>
            </li>
          </xsl:for-each>
        </ul>
      </nav>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
