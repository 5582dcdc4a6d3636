<?xml version="1.0" encoding="UTF-8"?>
<!--
  Information pages whose text is in the catalogs (src/kt_info.c):
    terms      terms of use (terms.*)
    privacy    privacy notice (privacy.*)
  A section is a heading and one paragraph; the registration form links here.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:kt="urn:kotoutuminen:xslt"
    exclude-result-prefixes="kt">

  <xsl:import href="layout.xsl"/>

  <xsl:template match="page[@type = 'terms']" mode="title">
    <xsl:value-of select="kt:msg('terms.heading')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'privacy']" mode="title">
    <xsl:value-of select="kt:msg('privacy.heading')"/>
  </xsl:template>

  <xsl:template name="section">
    <xsl:param name="heading"/>
    <xsl:param name="text"/>
    <h2><xsl:value-of select="$heading"/></h2>
    <p><xsl:value-of select="$text"/></p>
  </xsl:template>

  <xsl:template match="page[@type = 'terms']" mode="main">
    <div class="prose">
      <h1><xsl:value-of select="kt:msg('terms.heading')"/></h1>
      <p class="lead"><xsl:value-of select="kt:msg('terms.intro')"/></p>
      <xsl:call-template name="section">
        <xsl:with-param name="heading" select="kt:msg('terms.account.heading')"/>
        <xsl:with-param name="text" select="kt:msg('terms.account.text')"/>
      </xsl:call-template>
      <xsl:call-template name="section">
        <xsl:with-param name="heading" select="kt:msg('terms.organisation.heading')"/>
        <xsl:with-param name="text" select="kt:msg('terms.organisation.text')"/>
      </xsl:call-template>
      <xsl:call-template name="section">
        <xsl:with-param name="heading" select="kt:msg('terms.content.heading')"/>
        <xsl:with-param name="text" select="kt:msg('terms.content.text')"/>
      </xsl:call-template>
      <xsl:call-template name="section">
        <xsl:with-param name="heading" select="kt:msg('terms.moderation.heading')"/>
        <xsl:with-param name="text" select="kt:msg('terms.moderation.text')"/>
      </xsl:call-template>
      <xsl:call-template name="section">
        <xsl:with-param name="heading" select="kt:msg('terms.open-data.heading')"/>
        <xsl:with-param name="text" select="kt:msg('terms.open-data.text')"/>
      </xsl:call-template>
      <xsl:call-template name="section">
        <xsl:with-param name="heading" select="kt:msg('terms.end.heading')"/>
        <xsl:with-param name="text" select="kt:msg('terms.end.text')"/>
      </xsl:call-template>
      <p><a href="{$home}privacy"><xsl:value-of select="kt:msg('footer.privacy')"/></a></p>
    </div>
  </xsl:template>

  <xsl:template match="page[@type = 'privacy']" mode="main">
    <div class="prose">
      <h1><xsl:value-of select="kt:msg('privacy.heading')"/></h1>
      <p class="lead"><xsl:value-of select="kt:msg('privacy.intro')"/></p>
      <xsl:call-template name="section">
        <xsl:with-param name="heading" select="kt:msg('privacy.data.heading')"/>
        <xsl:with-param name="text" select="kt:msg('privacy.data.text')"/>
      </xsl:call-template>
      <xsl:call-template name="section">
        <xsl:with-param name="heading" select="kt:msg('privacy.purpose.heading')"/>
        <xsl:with-param name="text" select="kt:msg('privacy.purpose.text')"/>
      </xsl:call-template>
      <xsl:call-template name="section">
        <xsl:with-param name="heading" select="kt:msg('privacy.public.heading')"/>
        <xsl:with-param name="text" select="kt:msg('privacy.public.text')"/>
      </xsl:call-template>
      <xsl:call-template name="section">
        <xsl:with-param name="heading" select="kt:msg('privacy.cookies.heading')"/>
        <xsl:with-param name="text" select="kt:msg('privacy.cookies.text')"/>
      </xsl:call-template>
      <xsl:call-template name="section">
        <xsl:with-param name="heading" select="kt:msg('privacy.retention.heading')"/>
        <xsl:with-param name="text" select="kt:msg('privacy.retention.text')"/>
      </xsl:call-template>
      <xsl:call-template name="section">
        <xsl:with-param name="heading" select="kt:msg('privacy.rights.heading')"/>
        <xsl:with-param name="text" select="kt:msg('privacy.rights.text')"/>
      </xsl:call-template>
      <ul>
        <li><a href="{$home}account/data"><xsl:value-of select="kt:msg('myaccount.data.link')"/></a></li>
        <li><a href="{$home}account/delete"><xsl:value-of select="kt:msg('myaccount.delete.heading')"/></a></li>
        <li><a href="{$home}contact?topic=privacy"><xsl:value-of select="kt:msg('contact.heading')"/></a></li>
      </ul>
      <p><a href="{$home}terms"><xsl:value-of select="kt:msg('footer.terms')"/></a></p>
    </div>
  </xsl:template>

</xsl:stylesheet>
