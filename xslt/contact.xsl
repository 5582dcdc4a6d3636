<?xml version="1.0" encoding="UTF-8"?>
<!--
  The contact form (src/kt_contact.c), page type contact: <form-state
  name="contact"> (topic, sender_name, email, message), <options for="topic">, and
  after sending <notice code="contact_sent"/>.  The page says what happens to
  a message: who reads it, when, what is kept.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:kt="urn:kotoutuminen:xslt"
    exclude-result-prefixes="kt">

  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="kt:msg('contact.heading')"/>
  </xsl:template>

  <xsl:template match="page[@type = 'contact']" mode="main">
    <xsl:variable name="fs" select="form-state[@name = 'contact']"/>
    <div class="narrow">
      <h1><xsl:value-of select="kt:msg('contact.heading')"/></h1>
      <xsl:call-template name="notice"/>
      <p class="lead"><xsl:value-of select="kt:msg('contact.intro')"/></p>
      <h2><xsl:value-of select="kt:msg('contact.what-happens.heading')"/></h2>
      <ul>
        <li><xsl:value-of select="kt:msg('contact.what-happens.read')"/></li>
        <li><xsl:value-of select="kt:msg('contact.what-happens.reply')"/></li>
        <li><xsl:value-of select="kt:msg('contact.what-happens.kept')"/></li>
      </ul>
      <h2 id="contact-form-heading"><xsl:value-of select="kt:msg('contact.form.heading')"/></h2>
      <xsl:call-template name="form-errors"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
      <form method="post" action="{$fs/@action}" novalidate="novalidate"
            aria-labelledby="contact-form-heading">
        <xsl:call-template name="form-csrf"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
        <xsl:call-template name="field-select">
          <xsl:with-param name="fs" select="$fs"/>
          <xsl:with-param name="name" select="'topic'"/>
          <xsl:with-param name="label" select="kt:msg('contact.field.topic')"/>
          <xsl:with-param name="required" select="true()"/>
        </xsl:call-template>
        <xsl:call-template name="field-textarea">
          <xsl:with-param name="fs" select="$fs"/>
          <xsl:with-param name="name" select="'message'"/>
          <xsl:with-param name="label" select="kt:msg('contact.field.message')"/>
          <xsl:with-param name="hint" select="kt:msg('contact.field.message.hint')"/>
          <xsl:with-param name="required" select="true()"/>
          <xsl:with-param name="rows" select="8"/>
        </xsl:call-template>
        <xsl:call-template name="field-input">
          <xsl:with-param name="fs" select="$fs"/>
          <xsl:with-param name="name" select="'sender_name'"/>
          <xsl:with-param name="label" select="kt:msg('contact.field.name')"/>
          <xsl:with-param name="autocomplete" select="'name'"/>
        </xsl:call-template>
        <xsl:call-template name="field-input">
          <xsl:with-param name="fs" select="$fs"/>
          <xsl:with-param name="name" select="'email'"/>
          <xsl:with-param name="label" select="kt:msg('contact.field.email')"/>
          <xsl:with-param name="type" select="'email'"/>
          <xsl:with-param name="hint" select="kt:msg('contact.field.email.hint')"/>
          <xsl:with-param name="autocomplete" select="'email'"/>
        </xsl:call-template>
        <xsl:call-template name="form-submit">
          <xsl:with-param name="text" select="kt:msg('contact.submit')"/>
        </xsl:call-template>
      </form>
    </div>
  </xsl:template>

</xsl:stylesheet>
