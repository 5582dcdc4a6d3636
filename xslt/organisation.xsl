<?xml version="1.0" encoding="UTF-8"?>
<!--
  Organisation profile (/page/@type = 'organisation'): who they are, their
  funded projects, their published activities, events and open jobs, and the
  networks it coordinates or belongs to.
  Content: <organisation>, <projects>, <activities>, <events>, <jobs>, <networks> (HACKING.md).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:kt="urn:kotoutuminen:xslt"
    exclude-result-prefixes="kt">

  <xsl:import href="layout.xsl"/>
  <xsl:include href="event-cards.xsl"/>
  <xsl:include href="job-cards.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="normalize-space(organisation/name)"/>
  </xsl:template>

  <xsl:template match="page" mode="main">
    <xsl:apply-templates select="organisation"/>
    <xsl:call-template name="projects"/>
    <xsl:call-template name="activities"/>
    <xsl:call-template name="org-events"/>
    <xsl:call-template name="org-jobs"/>
    <xsl:call-template name="org-networks"/>
  </xsl:template>

  <!-- Open jobs and volunteer roles: only when the organisation has some. -->
  <xsl:template name="org-jobs">
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
  <xsl:template name="org-networks">
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

  <xsl:template name="org-events">
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

  <xsl:template name="projects">
    <xsl:if test="projects/project">
      <section aria-labelledby="projects-heading">
        <h2 id="projects-heading"><xsl:value-of select="kt:msg('organisation.projects')"/></h2>
        <ul class="project-list">
          <xsl:for-each select="projects/project">
            <li>
              <a href="{$home}projects/{@id}"><xsl:value-of select="normalize-space(.)"/></a>
              <xsl:if test="@start or @end">
                <xsl:text> </xsl:text>
                <span class="meta">
                  <xsl:if test="@start">
                    <xsl:call-template name="date">
                      <xsl:with-param name="date" select="@start"/>
                    </xsl:call-template>
                  </xsl:if>
                  <xsl:text>–</xsl:text>
                  <xsl:if test="@end">
                    <xsl:call-template name="date">
                      <xsl:with-param name="date" select="@end"/>
                    </xsl:call-template>
                  </xsl:if>
                </span>
              </xsl:if>
              <xsl:if test="string(number(@eu-grant)) != 'NaN'">
                <xsl:text>, </xsl:text>
                <span class="meta">
                  <xsl:value-of select="kt:msg('project.eu-grant')"/>
                  <xsl:text> </xsl:text>
                  <xsl:call-template name="euros">
                    <xsl:with-param name="amount" select="@eu-grant"/>
                  </xsl:call-template>
                </span>
              </xsl:if>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template name="activities">
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

</xsl:stylesheet>
