<?xml version="1.0" encoding="UTF-8"?>
<!--
  Helpers of the text pages whose words are all in the catalogs (info.xsl,
  help.xsl include this file): lists of messages named by a prefix and a few
  names, and messages with {placeholders}.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:kt="urn:kotoutuminen:xslt"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="kt str">

  <!-- <ul> (or $element) of the messages PREFIX + NAME for each name in
       $names (separated by spaces), in that order. -->
  <xsl:template name="msg-list">
    <xsl:param name="prefix"/>
    <xsl:param name="names"/>
    <xsl:param name="element" select="'ul'"/>
    <xsl:element name="{$element}">
      <xsl:for-each select="str:tokenize($names, ' ')">
        <li><xsl:value-of select="kt:msg(concat($prefix, .))"/></li>
      </xsl:for-each>
    </xsl:element>
  </xsl:template>

  <!-- $text with the first {name} replaced by $value (text, or a node set
       such as a link, copied as it is). -->
  <xsl:template name="fill">
    <xsl:param name="text"/>
    <xsl:param name="name"/>
    <xsl:param name="value"/>
    <xsl:variable name="mark" select="concat('{', $name, '}')"/>
    <xsl:choose>
      <xsl:when test="contains($text, $mark)">
        <xsl:value-of select="substring-before($text, $mark)"/>
        <xsl:copy-of select="$value"/>
        <xsl:value-of select="substring-after($text, $mark)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A message, then a link on its own words: "Text: link." -->
  <xsl:template name="msg-link">
    <xsl:param name="text"/>
    <xsl:param name="href"/>
    <xsl:param name="link"/>
    <p>
      <xsl:if test="$text">
        <xsl:value-of select="$text"/>
        <xsl:text> </xsl:text>
      </xsl:if>
      <a href="{$href}"><xsl:value-of select="$link"/></a>
    </p>
  </xsl:template>

</xsl:stylesheet>
