<?xml version="1.0" encoding="UTF-8"?>
<!--
  What a public page says about itself to search engines and to link previews
  (included by layout.xsl, which writes the tags in <head>):

    <xsl:template match="page[@type = 'T']" mode="description">   the page's own summary
    <xsl:template match="page[@type = 'T']" mode="og-type">       'website' unless said

  A page type with a description gets <meta name="description"> and the
  Open Graph tags (og:title, og:description, og:url, og:type, og:locale and
  its alternates, og:site_name); one without (forms, the workspace,
  moderation, errors) gets none.  A new public page type adds its line here.
  Descriptions come from the page's own content where it has some (the first
  paragraph of a description, cut at a word near 160 characters), else from
  the catalogs; the serializer escapes them like any text.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:kt="urn:kotoutuminen:xslt"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="kt str">

  <!-- Characters of a description; longer ones are cut at a word before this. -->
  <xsl:variable name="description-max" select="160"/>

  <xsl:template match="page" mode="description"/>
  <xsl:template match="page" mode="og-type"><xsl:value-of select="'website'"/></xsl:template>

  <xsl:template match="page[@type = 'front']" mode="description">
    <xsl:value-of select="kt:msg('meta.front.description')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'search']" mode="description">
    <xsl:value-of select="kt:msg('meta.search.description')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'activity']" mode="description">
    <xsl:call-template name="summary">
      <xsl:with-param name="text" select="activity/description"/>
      <xsl:with-param name="else" select="activity/title"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="page[@type = 'events']" mode="description">
    <xsl:value-of select="kt:msg('events.intro')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'event']" mode="description">
    <xsl:call-template name="summary">
      <xsl:with-param name="text" select="event/description"/>
      <xsl:with-param name="else" select="event/title"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="page[@type = 'jobs']" mode="description">
    <xsl:value-of select="kt:msg('jobs.intro')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'job']" mode="description">
    <xsl:call-template name="summary">
      <xsl:with-param name="text" select="job/description"/>
      <xsl:with-param name="else" select="job/title"/>
      </xsl:call-template>
    </xsl:template>
  <xsl:template match="page[@type = 'networks']" mode="description">
    <xsl:value-of select="kt:msg('networks.intro')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'network']" mode="description">
    <xsl:call-template name="summary">
      <xsl:with-param name="text" select="network/description"/>
      <xsl:with-param name="else" select="network/title"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="page[@type = 'organisation']" mode="description">
    <xsl:call-template name="summary">
      <xsl:with-param name="text" select="organisation/description"/>
      <xsl:with-param name="else" select="concat(organisation/name, ' – ', organisation/type)"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="page[@type = 'news-list']" mode="description">
    <xsl:value-of select="kt:msg('meta.news.description')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'news-item']" mode="description">
    <xsl:call-template name="summary">
      <xsl:with-param name="text" select="news/body"/>
      <xsl:with-param name="else" select="news/title"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="page[@type = 'news-item']" mode="og-type"><xsl:value-of select="'article'"/></xsl:template>
  <xsl:template match="page[@type = 'organisations']" mode="description">
    <xsl:value-of select="kt:msg('organisations.intro')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'projects']" mode="description">
    <xsl:value-of select="kt:msg('projects.intro')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'project']" mode="description">
    <xsl:call-template name="summary">
      <xsl:with-param name="text" select="project/description"/>
      <xsl:with-param name="else" select="project/name"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="page[@type = 'feed-guide']" mode="description">
    <xsl:value-of select="kt:msg('meta.feed-guide.description')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'terms']" mode="description">
    <xsl:call-template name="summary">
      <xsl:with-param name="text" select="kt:msg('terms.intro')"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="page[@type = 'privacy']" mode="description">
    <xsl:value-of select="kt:msg('privacy.intro')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'accessibility']" mode="description">
    <xsl:value-of select="kt:msg('meta.accessibility.description')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'for-organisations']" mode="description">
    <xsl:value-of select="kt:msg('meta.for-organisations.description')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'help']" mode="description">
    <xsl:value-of select="kt:msg('help.lead')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'help-topic']" mode="description">
    <xsl:value-of select="kt:msg(concat('help.topic.', @topic, '.summary'))"/>
  </xsl:template>

  <!-- The first paragraph of $text, one line, at most $description-max
       characters (cut after the last whole word, with "…"); $else when
       $text is empty. -->
  <xsl:template name="summary">
    <xsl:param name="text"/>
    <xsl:param name="else"/>
    <xsl:variable name="first">
      <xsl:call-template name="first-paragraph">
        <xsl:with-param name="text" select="$text"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="s" select="normalize-space(string($first))"/>
    <xsl:choose>
      <xsl:when test="not($s)"><xsl:value-of select="normalize-space($else)"/></xsl:when>
      <xsl:when test="string-length($s) &lt;= $description-max"><xsl:value-of select="$s"/></xsl:when>
      <xsl:otherwise>
        <!-- The words of the first $description-max characters but the last (which
             may be cut), as they stand in $s (one space between words): the text
             before the last word, without a space the cut may end with.  Measured
             rather than joined word by word, which cost 8 000 instructions a word. -->
        <xsl:variable name="cut" select="substring($s, 1, $description-max)"/>
        <xsl:variable name="t" select="substring($cut, 1, string-length($cut)
                                       - number(substring($cut, string-length($cut)) = ' '))"/>
        <xsl:variable name="words" select="str:tokenize($t, ' ')"/>
        <xsl:choose>
          <xsl:when test="count($words) = 1"><xsl:value-of select="$t"/></xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="substring($t, 1, string-length($t)
                                  - string-length($words[last()]) - 1)"/>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:text>…</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- og:locale values: the page's language as spoken in Finland (English:
       the British spelling the catalogs use). -->
  <xsl:template name="og-locale">
    <xsl:param name="l"/>
    <xsl:choose>
      <xsl:when test="$l = 'fi'"><xsl:value-of select="'fi_FI'"/></xsl:when>
      <xsl:when test="$l = 'sv'"><xsl:value-of select="'sv_FI'"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="'en_GB'"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The tags themselves, in <head>; $title is the page's own title. -->
  <xsl:template match="page" mode="meta">
    <xsl:param name="title"/>
    <xsl:variable name="description">
      <xsl:apply-templates select="." mode="description"/>
    </xsl:variable>
    <xsl:variable name="d" select="normalize-space($description)"/>
    <xsl:if test="$d and (not(@status) or @status = '200')">
      <meta name="description" content="{$d}"/>
      <meta property="og:type">
        <xsl:attribute name="content"><xsl:apply-templates select="." mode="og-type"/></xsl:attribute>
      </meta>
      <meta property="og:site_name" content="{kt:msg('site.name')}"/>
      <meta property="og:title">
        <xsl:attribute name="content">
          <xsl:choose>
            <xsl:when test="normalize-space($title)"><xsl:value-of select="normalize-space($title)"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="kt:msg('site.name')"/></xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
      </meta>
      <meta property="og:description" content="{$d}"/>
      <xsl:if test="string(@base)">
        <meta property="og:url" content="{@base}{@path}"/>
      </xsl:if>
      <meta property="og:locale">
        <xsl:attribute name="content">
          <xsl:call-template name="og-locale"><xsl:with-param name="l" select="$lang"/></xsl:call-template>
        </xsl:attribute>
      </meta>
      <xsl:for-each select="alternates/alternate[@lang != $lang]">
        <meta property="og:locale:alternate">
          <xsl:attribute name="content">
            <xsl:call-template name="og-locale"><xsl:with-param name="l" select="@lang"/></xsl:call-template>
          </xsl:attribute>
        </meta>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
