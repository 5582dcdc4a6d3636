<?xml version="1.0" encoding="UTF-8"?>
<!--
  Error page (/page/@type = 'error'): <error code="NNN"/> and, for a bad
  parameter, <detail param="name">explanation</detail> (HACKING.md).
  Every answer is the site's own page in the request's language, with a way
  back to the front page and to the search.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:kt="urn:kotoutuminen:xslt"
    exclude-result-prefixes="kt">

  <xsl:import href="layout.xsl"/>

  <!-- Codes that have their own messages; any other falls back to 500's,
       so that an unexpected code still gets a translated page. -->
  <xsl:variable name="known-codes" select="' 400 403 404 405 409 410 413 414 429 500 503 '"/>

  <xsl:variable name="code">
    <xsl:choose>
      <xsl:when test="contains($known-codes, concat(' ', /page/error/@code, ' '))">
        <xsl:value-of select="/page/error/@code"/>
      </xsl:when>
      <xsl:otherwise>500</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="kt:msg(concat('error.', $code, '.title'))"/>
  </xsl:template>

  <xsl:template match="page" mode="main">
    <div class="error-page">
      <h1><xsl:value-of select="kt:msg(concat('error.', $code, '.title'))"/></h1>
      <p class="lead"><xsl:value-of select="kt:msg(concat('error.', $code, '.text'))"/></p>
      <!-- detail may sit beside <error> or inside it -->
      <xsl:apply-templates select="(detail | error/detail)[normalize-space(.) or @param or @reason]"/>
      <h2><xsl:value-of select="kt:msg('error.next.heading')"/></h2>
      <ul class="next-steps">
        <li><a href="{$home}"><xsl:value-of select="kt:msg('error.next.front')"/></a></li>
        <li><a href="{$search-url}"><xsl:value-of select="kt:msg('error.next.search')"/></a></li>
      </ul>
      <p class="meta">
        <xsl:value-of select="kt:msg('error.code')"/>
        <xsl:text> </xsl:text>
        <xsl:value-of select="/page/error/@code"/>
      </p>
    </div>
  </xsl:template>

  <!-- Reasons a request parameter is refused, each with a message
       error.reason.NAME (HACKING.md); an unknown one is simply not explained. -->
  <xsl:variable name="known-reasons"
      select="' unknown-param unknown-value repeated too-long too-many out-of-range invalid-utf8 control-char bad-escape '"/>

  <!-- Which input was wrong, as text: the parameter's name and the value
       given, then why, then the same request without it. -->
  <xsl:template match="detail">
    <div class="error-detail">
      <xsl:if test="normalize-space(@param)">
        <p>
          <xsl:value-of select="kt:msg('error.detail.param')"/>
          <xsl:text> </xsl:text>
          <code><xsl:value-of select="@param"/></code>
        </p>
      </xsl:if>
      <xsl:if test="@value">
        <p>
          <xsl:value-of select="kt:msg('error.detail.value')"/>
          <xsl:text> </xsl:text>
          <code><xsl:value-of select="@value"/></code>
        </p>
      </xsl:if>
      <xsl:if test="contains($known-reasons, concat(' ', @reason, ' '))">
        <p><xsl:value-of select="kt:msg(concat('error.reason.', @reason))"/></p>
      </xsl:if>
      <xsl:if test="normalize-space(.)">
        <p><xsl:value-of select="normalize-space(.)"/></p>
      </xsl:if>
      <xsl:if test="/page/retry/@href">
        <p><a href="{/page/retry/@href}"><xsl:value-of select="kt:msg('error.retry')"/></a></p>
      </xsl:if>
    </div>
  </xsl:template>

</xsl:stylesheet>
