<?xml version="1.0" encoding="UTF-8"?>
<!--
  News (src/kt_news.c):
    news-list   <news-list page="" more="true"><news id published><title lang/><body lang/></news>…
    news-item   one <news id published><title lang/><body lang/></news>
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
                <xsl:if test="normalize-space(body)">
                  <p class="teaser">
                    <xsl:if test="body/@lang and body/@lang != $lang">
                      <xsl:attribute name="lang"><xsl:value-of select="body/@lang"/></xsl:attribute>
                    </xsl:if>
                    <xsl:call-template name="first-paragraph">
                      <xsl:with-param name="text" select="body"/>
                    </xsl:call-template>
                  </p>
                  <xsl:call-template name="fallback-note"><xsl:with-param name="text" select="body"/></xsl:call-template>
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
  </xsl:template>

  <xsl:template match="page[@type = 'news-item']" mode="main">
    <p class="breadcrumb"><a href="{$home}news"><xsl:value-of select="kt:msg('news.heading')"/></a></p>
    <article class="news-article">
      <h1>
        <xsl:call-template name="text-inline"><xsl:with-param name="text" select="news/title"/></xsl:call-template>
      </h1>
      <p class="meta">
        <xsl:value-of select="kt:msg('news.published')"/>
        <xsl:text> </xsl:text>
        <xsl:call-template name="date"><xsl:with-param name="date" select="news/@published"/></xsl:call-template>
      </p>
      <xsl:if test="normalize-space(news/body)">
        <xsl:call-template name="text-block"><xsl:with-param name="text" select="news/body"/></xsl:call-template>
      </xsl:if>
    </article>
  </xsl:template>

</xsl:stylesheet>
