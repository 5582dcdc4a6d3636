<?xml version="1.0" encoding="UTF-8"?>
<!--
  Jobs and volunteer openings (src/kt_jobs.c):
    jobs   the list, GET /{lang}/jobs: <jobs-search page new-href> with
           <asked><filter param value remove-href/>…</asked>,
           <options for="type|region|municipality"><option value group/>,
           <results total first last past-end><job/>…</results>, <pages>
    job    one job: <job id updated published closes> with every public field;
           marked up as a schema.org JobPosting (microdata), so that the
           serializer escapes it like the rest of the page
  Cards, hours and deadlines come from job-cards.xsl.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:kt="urn:kotoutuminen:xslt"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="kt exsl">

  <xsl:import href="layout.xsl"/>
  <xsl:include href="job-cards.xsl"/>

  <xsl:template match="page[@type = 'jobs']" mode="title">
    <xsl:value-of select="kt:msg('jobs.heading')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'job']" mode="title">
    <xsl:value-of select="normalize-space(job/title)"/>
  </xsl:template>

  <xsl:template match="page[@type = 'jobs']" mode="main">
    <xsl:variable name="s" select="jobs-search"/>
    <h1><xsl:value-of select="kt:msg('jobs.heading')"/></h1>
    <p class="lead"><xsl:value-of select="kt:msg('jobs.intro')"/></p>
    <xsl:call-template name="jobs-form"><xsl:with-param name="s" select="$s"/></xsl:call-template>
    <xsl:call-template name="jobs-results"><xsl:with-param name="s" select="$s"/></xsl:call-template>
  </xsl:template>

  <!-- The filters as a GET form: the values asked are chosen again. -->
  <xsl:template name="jobs-form">
    <xsl:param name="s"/>
    <section class="search-panel" aria-labelledby="jobs-filters-heading">
      <h2 id="jobs-filters-heading"><xsl:value-of select="kt:msg('jobs.filters')"/></h2>
      <form action="{$home}jobs" method="get" role="search" aria-labelledby="jobs-filters-heading">
        <div class="field">
          <label for="jobs-q"><xsl:value-of select="kt:msg('jobs.q.label')"/></label>
          <input type="search" id="jobs-q" name="q" value="{$s/asked/filter[@param = 'q']/@value}"/>
        </div>
        <fieldset class="choices">
          <legend><xsl:value-of select="kt:msg('jobs.type.legend')"/></legend>
          <ul class="checkbox-list">
            <xsl:for-each select="$s/options[@for = 'type']/option">
              <li>
                <input type="checkbox" id="jobs-type-{@value}" name="type" value="{@value}">
                  <xsl:if test="$s/asked/filter[@param = 'type'][@value = current()/@value]">
                    <xsl:attribute name="checked">checked</xsl:attribute>
                  </xsl:if>
                </input>
                <label for="jobs-type-{@value}"><xsl:value-of select="normalize-space(.)"/></label>
              </li>
            </xsl:for-each>
          </ul>
        </fieldset>
        <xsl:call-template name="jobs-select">
          <xsl:with-param name="s" select="$s"/>
          <xsl:with-param name="param" select="'region'"/>
        </xsl:call-template>
        <xsl:call-template name="jobs-select">
          <xsl:with-param name="s" select="$s"/>
          <xsl:with-param name="param" select="'municipality'"/>
        </xsl:call-template>
        <fieldset class="choices">
          <legend><xsl:value-of select="kt:msg('search.more.legend')"/></legend>
          <ul class="checkbox-list">
            <li>
              <input type="checkbox" id="jobs-remote" name="remote" value="1">
                <xsl:if test="$s/asked/filter[@param = 'remote']"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
              </input>
              <label for="jobs-remote"><xsl:value-of select="kt:msg('jobs.remote.label')"/></label>
            </li>
          </ul>
        </fieldset>
        <p class="actions">
          <button type="submit"><xsl:value-of select="kt:msg('jobs.submit')"/></button>
        </p>
      </form>
    </section>
  </xsl:template>

  <xsl:template name="jobs-select">
    <xsl:param name="s"/>
    <xsl:param name="param"/>
    <div class="field">
      <label for="jobs-{$param}"><xsl:value-of select="kt:msg(concat('jobs.', $param, '.label'))"/></label>
      <select id="jobs-{$param}" name="{$param}">
        <option value=""><xsl:value-of select="kt:msg('jobs.all')"/></option>
        <xsl:for-each select="$s/options[@for = $param]/option">
          <option value="{@value}">
            <xsl:if test="$s/asked/filter[@param = $param][@value = current()/@value]">
              <xsl:attribute name="selected">selected</xsl:attribute>
            </xsl:if>
            <xsl:value-of select="normalize-space(.)"/>
          </option>
        </xsl:for-each>
      </select>
    </div>
  </xsl:template>

  <xsl:template name="jobs-results">
    <xsl:param name="s"/>
    <xsl:variable name="r" select="$s/results"/>
    <section aria-labelledby="jobs-results-heading">
      <h2 id="jobs-results-heading">
        <xsl:value-of select="kt:msg('jobs.results')"/>
        <xsl:value-of select="concat(' (', $r/@total, ')')"/>
      </h2>
      <xsl:if test="$s/asked/filter">
        <div class="active-filters">
          <p><xsl:value-of select="kt:msg('jobs.chosen')"/></p>
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
                    <xsl:when test="$param = 'remote'"><xsl:value-of select="kt:msg('jobs.remote.label')"/></xsl:when>
                    <xsl:otherwise><xsl:value-of select="$value"/></xsl:otherwise>
                  </xsl:choose>
                  <span class="visually-hidden"><xsl:value-of select="concat(' – ', kt:msg('jobs.remove'))"/></span>
                  <span aria-hidden="true"> ×</span>
                </a>
              </li>
            </xsl:for-each>
          </ul>
          <p><a href="{$s/@new-href}"><xsl:value-of select="kt:msg('jobs.clear')"/></a></p>
        </div>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$r/job">
          <p class="meta">
            <xsl:value-of select="concat($r/@first, '–', $r/@last, ' / ', $r/@total)"/>
          </p>
          <xsl:call-template name="job-cards">
            <xsl:with-param name="jobs" select="$r/job"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="$r/@past-end = 'true'">
          <p class="empty"><xsl:value-of select="kt:msg('jobs.past-end')"/></p>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty"><xsl:value-of select="kt:msg('jobs.none')"/></p>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="number($s/pages/@last) &gt; 1 or number($s/pages/@current) &gt; number($s/pages/@last)">
        <nav class="pagination" aria-label="{kt:msg('jobs.pages')}">
          <ul>
            <xsl:for-each select="$s/pages/*">
              <li>
                <xsl:choose>
                  <xsl:when test="self::gap">…</xsl:when>
                  <xsl:when test="self::prev"><a href="{@href}" rel="prev"><xsl:value-of select="kt:msg('jobs.prev')"/></a></xsl:when>
                  <xsl:when test="self::next"><a href="{@href}" rel="next"><xsl:value-of select="kt:msg('jobs.next')"/></a></xsl:when>
                  <xsl:when test="@current = 'true'"><a href="{@href}" aria-current="page"><xsl:value-of select="@n"/></a></xsl:when>
                  <xsl:otherwise><a href="{@href}"><xsl:value-of select="@n"/></a></xsl:otherwise>
                </xsl:choose>
              </li>
            </xsl:for-each>
          </ul>
        </nav>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- ==== one job ======================================================= -->

  <xsl:template match="page[@type = 'job']" mode="main">
    <xsl:apply-templates select="job"/>
  </xsl:template>

  <!-- schema.org's employmentType of each type (attributes: they are tokens, not words). -->
  <xsl:variable name="employment-types-rtf">
    <type code="permanent" schema="FULL_TIME"/>
    <type code="fixed_term" schema="TEMPORARY"/>
    <type code="part_time" schema="PART_TIME"/>
    <type code="internship" schema="INTERN"/>
    <type code="volunteer" schema="VOLUNTEER"/>
  </xsl:variable>
  <xsl:variable name="employment-types" select="exsl:node-set($employment-types-rtf)/type"/>

  <xsl:template match="job">
    <article class="activity job" itemscope="itemscope" itemtype="https://schema.org/JobPosting">
      <meta itemprop="datePosted" content="{@published}"/>
      <meta itemprop="validThrough" content="{@closes}"/>
      <meta itemprop="employmentType" content="{$employment-types[@code = current()/type/@code]/@schema}"/>
      <xsl:if test="place/@remote = 'true'">
        <meta itemprop="jobLocationType" content="TELECOMMUTE"/>
        <span hidden="hidden" itemprop="applicantLocationRequirements" itemscope="itemscope" itemtype="https://schema.org/Country">
          <meta itemprop="name" content="FI"/>
        </span>
      </xsl:if>
      <header class="activity-header">
        <h1 itemprop="title">
          <xsl:call-template name="text-inline"><xsl:with-param name="text" select="title"/></xsl:call-template>
        </h1>
        <p class="lead" itemprop="hiringOrganization" itemscope="itemscope" itemtype="https://schema.org/Organization">
          <xsl:value-of select="kt:msg('job.offered-by')"/>
          <xsl:text> </xsl:text>
          <a href="{$home}organisations/{organisation/@id}" itemprop="url"><span itemprop="name"><xsl:value-of select="normalize-space(organisation)"/></span></a>
        </p>
      </header>

      <section aria-labelledby="apply-heading">
        <h2 id="apply-heading"><xsl:value-of select="kt:msg('job.apply')"/></h2>
        <dl class="facts">
          <div>
            <dt><xsl:value-of select="kt:msg('job.deadline')"/></dt>
            <dd>
              <xsl:call-template name="job-deadline">
                <xsl:with-param name="date" select="deadline/@date"/>
                <xsl:with-param name="time" select="deadline/@time"/>
              </xsl:call-template>
            </dd>
          </div>
          <xsl:if test="apply/@href">
            <div>
              <dt><xsl:value-of select="kt:msg('job.apply.link')"/></dt>
              <dd><xsl:call-template name="web-link"><xsl:with-param name="url" select="apply/@href"/></xsl:call-template></dd>
            </div>
          </xsl:if>
          <xsl:if test="normalize-space(apply/@email)">
            <div>
              <dt><xsl:value-of select="kt:msg('job.apply.email')"/></dt>
              <dd><a href="mailto:{normalize-space(apply/@email)}"><xsl:value-of select="apply/@email"/></a></dd>
            </div>
          </xsl:if>
        </dl>
      </section>

      <xsl:if test="normalize-space(description)">
        <section aria-labelledby="description-heading">
          <h2 id="description-heading"><xsl:value-of select="kt:msg('job.description')"/></h2>
          <div itemprop="description">
            <xsl:call-template name="text-block"><xsl:with-param name="text" select="description"/></xsl:call-template>
          </div>
        </section>
      </xsl:if>

      <section aria-labelledby="basics-heading">
        <h2 id="basics-heading"><xsl:value-of select="kt:msg('job.basics')"/></h2>
        <dl class="facts">
          <xsl:call-template name="fact">
            <xsl:with-param name="label" select="kt:msg('job.type')"/>
            <xsl:with-param name="value" select="normalize-space(type)"/>
          </xsl:call-template>
          <xsl:if test="place/municipality">
            <div itemprop="jobLocation" itemscope="itemscope" itemtype="https://schema.org/Place">
              <dt><xsl:value-of select="kt:msg('job.municipality')"/></dt>
              <dd itemprop="address" itemscope="itemscope" itemtype="https://schema.org/PostalAddress">
                <span itemprop="addressLocality"><xsl:value-of select="normalize-space(place/municipality)"/></span>
                <xsl:if test="place/municipality/@region">
                  <xsl:text> (</xsl:text>
                  <span itemprop="addressRegion"><xsl:value-of select="place/municipality/@region"/></span>
                  <xsl:text>)</xsl:text>
                </xsl:if>
                <meta itemprop="addressCountry" content="FI"/>
              </dd>
            </div>
          </xsl:if>
          <xsl:if test="place/@remote = 'true'">
            <div>
              <dt><xsl:value-of select="kt:msg('job.remote.label')"/></dt>
              <dd><xsl:value-of select="kt:msg('job.remote.text')"/></dd>
            </div>
          </xsl:if>
          <xsl:if test="hours/@per-week">
            <div>
              <dt><xsl:value-of select="kt:msg('job.hours')"/></dt>
              <dd><xsl:call-template name="job-hours"><xsl:with-param name="hours" select="hours/@per-week"/></xsl:call-template></dd>
            </div>
          </xsl:if>
          <xsl:if test="languages/language">
            <div>
              <dt><xsl:value-of select="kt:msg('job.languages')"/></dt>
              <dd><xsl:call-template name="term-list"><xsl:with-param name="items" select="languages/language"/></xsl:call-template></dd>
            </div>
          </xsl:if>
          <xsl:if test="normalize-space(salary)">
            <div>
              <dt><xsl:value-of select="kt:msg('job.salary')"/></dt>
              <dd><xsl:call-template name="text-inline"><xsl:with-param name="text" select="salary"/></xsl:call-template></dd>
            </div>
          </xsl:if>
        </dl>
      </section>

      <xsl:if test="contact">
        <section aria-labelledby="contact-heading">
          <h2 id="contact-heading"><xsl:value-of select="kt:msg('job.contact')"/></h2>
          <dl class="facts">
            <xsl:call-template name="fact">
              <xsl:with-param name="label" select="kt:msg('job.contact.name')"/>
              <xsl:with-param name="value" select="normalize-space(contact/@name)"/>
            </xsl:call-template>
            <xsl:if test="normalize-space(contact/@email)">
              <div>
                <dt><xsl:value-of select="kt:msg('contact.email')"/></dt>
                <dd><a href="mailto:{normalize-space(contact/@email)}"><xsl:value-of select="contact/@email"/></a></dd>
              </div>
            </xsl:if>
            <xsl:call-template name="fact">
              <xsl:with-param name="label" select="kt:msg('contact.phone')"/>
              <xsl:with-param name="value" select="normalize-space(contact/@phone)"/>
            </xsl:call-template>
          </dl>
        </section>
      </xsl:if>

      <footer class="activity-footer">
        <p class="more"><a href="{$home}jobs"><xsl:value-of select="kt:msg('job.more')"/></a></p>
      </footer>
    </article>
  </xsl:template>

</xsl:stylesheet>
