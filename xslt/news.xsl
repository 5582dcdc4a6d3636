<?xml version="1.0" encoding="UTF-8"?>
<!--
  News for the public (src/kt_news.c):
    news-list   <news-list page="" more="true"><news id published><title lang/>
                <summary lang/></news>…</news-list>
    news-item   one <news id published updated><title lang/><summary lang/>
                <body lang><p>text<a href="">label</a><br/>…</p>…</body>
                <related kind="organisation|project|event" id="" lang="">name</related></news>
                (lang: for a project's or an event's name)
  The body arrives as paragraphs, line breaks and links built from the
  moderators' markup (src/lib/kt_markup.c); its text is text, and only
  http(s) addresses become links.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:kt="urn:kotoutuminen:xslt"
    exclude-result-prefixes="kt">

  <xsl:import href="layout.xsl"/>

  <xsl:template match="page[@type = 'news-list']" mode="title">
    <xsl:value-of select="kt:msg('news.heading')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'news-item']" mode="title">
    <xsl:value-of select="normalize-space(news/title)"/>
  </xsl:template>

  <!-- Feed readers find the news feed in the page's language. -->
  <xsl:template match="page" mode="feeds">
    <link rel="alternate" type="application/atom+xml" href="/feed/news.atom?lang={$lang}"
          title="{kt:msg('news.atom.title')}"/>
  </xsl:template>

  <xsl:template match="page[@type = 'news-list']" mode="main">
    <h1><xsl:value-of select="kt:msg('news.heading')"/></h1>
    <xsl:choose>
      <xsl:when test="news-list/news">
        <ul class="news-list">
          <xsl:for-each select="news-list/news">
            <li>
              <article class="news-item">
                <h2>
                  <xsl:call-template name="text-inline">
                    <xsl:with-param name="text" select="title"/>
                    <xsl:with-param name="href" select="concat($home, 'news/', @id)"/>
                  </xsl:call-template>
                </h2>
                <p class="meta">
                  <xsl:call-template name="date"><xsl:with-param name="date" select="@published"/></xsl:call-template>
                </p>
                <xsl:if test="normalize-space(summary)">
                  <p class="teaser">
                    <xsl:call-template name="text-inline"><xsl:with-param name="text" select="summary"/></xsl:call-template>
                  </p>
                </xsl:if>
              </article>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty"><xsl:value-of select="kt:msg('front.news.none')"/></p>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="number(news-list/@page) &gt; 1 or news-list/@more = 'true'">
      <nav class="pager" aria-label="{kt:msg('news.pages')}">
        <ul>
          <xsl:if test="number(news-list/@page) &gt; 1">
            <li><a href="{$home}news?page={number(news-list/@page) - 1}"><xsl:value-of select="kt:msg('news.newer')"/></a></li>
          </xsl:if>
          <xsl:if test="news-list/@more = 'true'">
            <li><a href="{$home}news?page={number(news-list/@page) + 1}"><xsl:value-of select="kt:msg('news.older')"/></a></li>
          </xsl:if>
        </ul>
      </nav>
    </xsl:if>
    <p class="more">
      <a href="/feed/news.atom?lang={$lang}" type="application/atom+xml"><xsl:value-of select="kt:msg('news.atom.link')"/></a>
    </p>
  </xsl:template>

  <xsl:template match="page[@type = 'news-item']" mode="main">
    <xsl:variable name="n" select="news"/>
    <p class="breadcrumb"><a href="{$home}news"><xsl:value-of select="kt:msg('news.heading')"/></a></p>
    <article class="news-article">
      <h1>
        <xsl:call-template name="text-inline"><xsl:with-param name="text" select="$n/title"/></xsl:call-template>
      </h1>
      <p class="meta">
        <xsl:value-of select="kt:msg('news.published')"/>
        <xsl:text> </xsl:text>
        <xsl:call-template name="date"><xsl:with-param name="date" select="$n/@published"/></xsl:call-template>
        <xsl:if test="$n/@updated">
          <xsl:text>, </xsl:text>
          <xsl:value-of select="kt:msg('news.updated')"/>
          <xsl:text> </xsl:text>
          <xsl:call-template name="date"><xsl:with-param name="date" select="$n/@updated"/></xsl:call-template>
        </xsl:if>
      </p>
      <xsl:if test="normalize-space($n/summary)">
        <p class="lead">
          <xsl:call-template name="text-inline"><xsl:with-param name="text" select="$n/summary"/></xsl:call-template>
        </p>
      </xsl:if>
      <xsl:apply-templates select="$n/body"/>
      <xsl:apply-templates select="$n/related"/>
    </article>
  </xsl:template>

  <!-- The body: a sentence first when it is in another language. -->
  <xsl:template match="news/body">
    <xsl:variable name="foreign" select="@lang and string(@lang) != $lang"/>
    <xsl:if test="$foreign">
      <p class="fallback-notice"><xsl:value-of select="kt:msg(concat('fallback.text.', @lang))"/></p>
    </xsl:if>
    <div class="prose">
      <xsl:if test="$foreign">
        <xsl:attribute name="lang"><xsl:value-of select="@lang"/></xsl:attribute>
      </xsl:if>
      <xsl:for-each select="p">
        <p><xsl:apply-templates mode="markup"/></p>
      </xsl:for-each>
    </div>
  </xsl:template>

  <xsl:template match="text()" mode="markup">
    <xsl:value-of select="."/>
  </xsl:template>
  <xsl:template match="br" mode="markup">
    <br/>
  </xsl:template>
  <!-- C made only http(s) addresses links; checked once more here. -->
  <xsl:template match="a" mode="markup">
    <xsl:call-template name="web-link">
      <xsl:with-param name="url" select="@href"/>
      <xsl:with-param name="text" select="string(.)"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="*" mode="markup"/>

  <!-- What the item is about, while that is public. -->
  <xsl:template match="news/related">
    <section class="news-related" aria-labelledby="related-heading">
      <h2 id="related-heading"><xsl:value-of select="kt:msg('news.related.heading')"/></h2>
      <p>
        <xsl:value-of select="kt:msg(concat('news.related.', @kind))"/>
        <xsl:text>: </xsl:text>
        <xsl:call-template name="text-inline">
          <xsl:with-param name="href" select="concat($home, @kind, 's/', @id)"/>
        </xsl:call-template>
      </p>
    </section>
  </xsl:template>

</xsl:stylesheet>
