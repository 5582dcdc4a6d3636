<?xml version="1.0" encoding="UTF-8"?>
<!--
  Partner guide (/page/@type = 'feed-guide', GET /{lang}/feed): how to use the
  partner feed, with examples.  The words come from the catalogs (feed.guide.*);
  URLs, parameter names and XML samples come from <feed-guide> (HACKING.md),
  because they are data, the same in every language.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:kt="urn:kotoutuminen:xslt"
    exclude-result-prefixes="kt">

  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="kt:msg('feed.guide.title')"/>
  </xsl:template>

  <xsl:template match="page" mode="main">
    <xsl:apply-templates select="feed-guide"/>
  </xsl:template>

  <xsl:template match="feed-guide">
    <article class="feed-guide prose">
      <h1><xsl:value-of select="kt:msg('feed.guide.title')"/></h1>
      <p class="lead"><xsl:value-of select="kt:msg('feed.guide.intro')"/></p>

      <section aria-labelledby="urls-heading">
        <h2 id="urls-heading"><xsl:value-of select="kt:msg('feed.guide.urls.heading')"/></h2>
        <dl class="guide-urls">
          <xsl:for-each select="url | pattern">
            <div>
              <dt><xsl:value-of select="kt:msg(concat('feed.guide.url.', @name))"/></dt>
              <dd>
                <xsl:choose>
                  <xsl:when test="self::url">
                    <a href="{@href}"><code><xsl:value-of select="@href"/></code></a>
                  </xsl:when>
                  <xsl:otherwise><code><xsl:value-of select="@href"/></code></xsl:otherwise>
                </xsl:choose>
              </dd>
            </div>
          </xsl:for-each>
        </dl>
      </section>

      <section aria-labelledby="params-heading">
        <h2 id="params-heading"><xsl:value-of select="kt:msg('feed.guide.params.heading')"/></h2>
        <p><xsl:value-of select="kt:msg('feed.guide.params.intro')"/></p>
        <!-- scrolls in its own box, a focusable region, when the window is too narrow -->
        <div class="table-wrap" role="region" tabindex="0" aria-labelledby="params-caption">
          <table class="times">
            <caption id="params-caption"><xsl:value-of select="kt:msg('feed.guide.params.caption')"/></caption>
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="kt:msg('feed.guide.params.name')"/></th>
                <th scope="col"><xsl:value-of select="kt:msg('feed.guide.params.meaning')"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="param">
                <tr>
                  <th scope="row"><code><xsl:value-of select="@name"/></code></th>
                  <td><xsl:value-of select="kt:msg(concat('feed.guide.param.', @name))"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="filters-heading">
        <h2 id="filters-heading"><xsl:value-of select="kt:msg('feed.guide.filters.heading')"/></h2>
        <p><xsl:value-of select="kt:msg('feed.guide.filters.text')"/></p>
        <dl class="guide-params">
          <xsl:for-each select="filter">
            <div>
              <dt><code><xsl:value-of select="@name"/></code></dt>
              <dd><xsl:value-of select="kt:msg(concat('feed.guide.filter.', @name))"/></dd>
            </div>
          </xsl:for-each>
        </dl>
        <p><xsl:value-of select="kt:msg('feed.guide.filters.example')"/></p>
        <xsl:apply-templates select="example[@name = 'filtered']"/>
        <p><xsl:value-of select="kt:msg('feed.guide.filters.search-only')"/></p>
      </section>

      <section aria-labelledby="paging-heading">
        <h2 id="paging-heading"><xsl:value-of select="kt:msg('feed.guide.paging.heading')"/></h2>
        <p><xsl:value-of select="kt:msg('feed.guide.paging.text')"/></p>
        <xsl:apply-templates select="snippet[@name = 'next']"/>
      </section>

      <section aria-labelledby="sync-heading">
        <h2 id="sync-heading"><xsl:value-of select="kt:msg('feed.guide.sync.heading')"/></h2>
        <p><xsl:value-of select="kt:msg('feed.guide.sync.text')"/></p>
        <p><xsl:value-of select="kt:msg('feed.guide.sync.example')"/></p>
        <xsl:apply-templates select="example[@name = 'incremental']"/>
        <xsl:apply-templates select="snippet[@name = 'deleted']"/>
        <p><xsl:value-of select="kt:msg('feed.guide.sync.filters')"/></p>
        <p><xsl:value-of select="kt:msg('feed.guide.sync.filters.example')"/></p>
        <xsl:apply-templates select="example[@name = 'incremental-filtered']"/>
        <p><xsl:value-of select="kt:msg('feed.guide.sync.overlap')"/></p>
      </section>

      <section aria-labelledby="caching-heading">
        <h2 id="caching-heading"><xsl:value-of select="kt:msg('feed.guide.caching.heading')"/></h2>
        <p><xsl:value-of select="kt:msg('feed.guide.caching.text')"/></p>
        <xsl:apply-templates select="snippet[@name = 'conditional']"/>
      </section>

      <section aria-labelledby="errors-heading">
        <h2 id="errors-heading"><xsl:value-of select="kt:msg('feed.guide.errors.heading')"/></h2>
        <p><xsl:value-of select="kt:msg('feed.guide.errors.text')"/></p>
        <xsl:apply-templates select="snippet[@name = 'error']"/>
      </section>

      <section aria-labelledby="other-heading">
        <h2 id="other-heading"><xsl:value-of select="kt:msg('feed.guide.other.heading')"/></h2>
        <p><xsl:value-of select="kt:msg('feed.guide.atom.text')"/></p>
        <p><xsl:value-of select="kt:msg('feed.guide.calendar.text')"/></p>
        <p><xsl:value-of select="kt:msg('feed.guide.jobs.text')"/></p>
      </section>
    </article>
  </xsl:template>

  <xsl:template match="example">
    <p class="guide-example"><a href="{@href}"><code><xsl:value-of select="@href"/></code></a></p>
  </xsl:template>

  <!-- Samples wrap instead of scrolling: a scrolling box would need to be
       focusable for keyboard users. -->
  <xsl:template match="snippet">
    <pre class="guide-sample"><code><xsl:value-of select="."/></code></pre>
  </xsl:template>

</xsl:stylesheet>
