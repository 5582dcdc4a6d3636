<?xml version="1.0" encoding="UTF-8"?>
<!--
  The project's editor and its review (the engine's pages, src/kt_editor.c and
  src/kt_review.c, for the kind "project"): the page types of listing.xsl
  (listing-new, listing-edit, listing-archive) and moderation.xsl
  (moderation-project) with what is the project's own: its form, the rows of
  its comparison table and how each row reads.  <listing> carries the fields
  of kt_project_xml (src/lib/kt_project.c); <options for="funder|objective|
  regions|partners"> name the codes.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:kt="urn:kotoutuminen:xslt"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="kt exsl">

  <xsl:import href="moderation.xsl"/>

  <!-- The rows of a project's table, in display order (kt_project_rows). -->
  <xsl:variable name="listing-rows-rtf">
    <row name="title_fi"/><row name="title_sv"/><row name="title_en"/>
    <row name="description_fi"/><row name="description_sv"/><row name="description_en"/>
    <row name="period"/><row name="funder"/><row name="objective"/><row name="grant"/>
    <row name="area"/><row name="partners"/><row name="contact"/><row name="url"/>
  </xsl:variable>
  <xsl:variable name="listing-rows" select="exsl:node-set($listing-rows-rtf)/row"/>

  <!-- The name and description in one language. -->
  <xsl:template name="project-texts">
    <xsl:param name="fs"/>
    <xsl:param name="l"/>
    <fieldset class="language-texts">
      <legend><xsl:value-of select="kt:msg(concat('listing.in.', $l))"/></legend>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="concat('title_', $l)"/>
        <xsl:with-param name="label" select="kt:msg(concat('project.field.name.', $l))"/>
        <xsl:with-param name="content-lang" select="$l"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="field-textarea">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="concat('description_', $l)"/>
        <xsl:with-param name="label" select="kt:msg(concat('listing.field.description.', $l))"/>
        <xsl:with-param name="hint" select="kt:msg('project.field.description.hint')"/>
        <xsl:with-param name="content-lang" select="$l"/>
        <xsl:with-param name="rows" select="8"/>
      </xsl:call-template>
    </fieldset>
  </xsl:template>

  <xsl:template name="listing-form">
    <xsl:param name="fs"/>
    <xsl:call-template name="form-errors"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
    <form method="post" action="{$fs/@action}" novalidate="novalidate" class="listing-form">
      <xsl:call-template name="form-csrf"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
      <xsl:if test="$fs/field[@name = 'revision']/@value">
        <input type="hidden" name="revision" value="{$fs/field[@name = 'revision']/@value}"/>
      </xsl:if>
      <p class="hint"><xsl:value-of select="kt:msg('listing.form.intro')"/></p>

      <xsl:if test="/page/options[@for = 'organisation']">
        <xsl:call-template name="field-select">
          <xsl:with-param name="fs" select="$fs"/>
          <xsl:with-param name="name" select="'organisation'"/>
          <xsl:with-param name="label" select="kt:msg('project.field.organisation')"/>
          <xsl:with-param name="required" select="true()"/>
        </xsl:call-template>
      </xsl:if>

      <h2><xsl:value-of select="kt:msg('listing.section.texts')"/></h2>
      <p class="hint"><xsl:value-of select="kt:msg('project.section.texts.hint')"/></p>
      <xsl:call-template name="project-texts"><xsl:with-param name="fs" select="$fs"/><xsl:with-param name="l" select="'fi'"/></xsl:call-template>
      <xsl:call-template name="project-texts"><xsl:with-param name="fs" select="$fs"/><xsl:with-param name="l" select="'sv'"/></xsl:call-template>
      <xsl:call-template name="project-texts"><xsl:with-param name="fs" select="$fs"/><xsl:with-param name="l" select="'en'"/></xsl:call-template>

      <h2><xsl:value-of select="kt:msg('project.section.period')"/></h2>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'start_date'"/>
        <xsl:with-param name="label" select="kt:msg('project.field.start_date')"/>
        <xsl:with-param name="hint" select="kt:msg('listing.field.date.hint')"/>
        <xsl:with-param name="size" select="'short'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'end_date'"/>
        <xsl:with-param name="label" select="kt:msg('project.field.end_date')"/>
        <xsl:with-param name="hint" select="kt:msg('listing.field.date.hint')"/>
        <xsl:with-param name="size" select="'short'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>

      <h2><xsl:value-of select="kt:msg('project.section.funding')"/></h2>
      <xsl:call-template name="field-radios">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'funder'"/>
        <xsl:with-param name="legend" select="kt:msg('project.field.funder')"/>
      </xsl:call-template>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'funder_name'"/>
        <xsl:with-param name="label" select="kt:msg('project.field.funder_name')"/>
        <xsl:with-param name="hint" select="kt:msg('project.field.funder_name.hint')"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="field-select">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'objective'"/>
        <xsl:with-param name="label" select="kt:msg('project.field.objective')"/>
        <xsl:with-param name="hint" select="kt:msg('project.field.objective.hint')"/>
      </xsl:call-template>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'grant'"/>
        <xsl:with-param name="label" select="kt:msg('project.field.grant')"/>
        <xsl:with-param name="hint" select="kt:msg('project.field.grant.hint')"/>
        <xsl:with-param name="inputmode" select="'decimal'"/>
        <xsl:with-param name="size" select="'medium'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>

      <h2><xsl:value-of select="kt:msg('project.section.area')"/></h2>
      <xsl:call-template name="field-checkbox">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'nationwide'"/>
        <xsl:with-param name="label" select="kt:msg('project.field.nationwide')"/>
      </xsl:call-template>
      <xsl:call-template name="field-checkboxes">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'regions'"/>
        <xsl:with-param name="legend" select="kt:msg('project.field.regions')"/>
        <xsl:with-param name="hint" select="kt:msg('project.field.regions.hint')"/>
      </xsl:call-template>

      <h2><xsl:value-of select="kt:msg('project.section.partners')"/></h2>
      <xsl:call-template name="field-checkboxes">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'partners'"/>
        <xsl:with-param name="legend" select="kt:msg('project.field.partners')"/>
        <xsl:with-param name="hint" select="kt:msg('project.field.partners.hint')"/>
      </xsl:call-template>

      <h2><xsl:value-of select="kt:msg('listing.section.contact')"/></h2>
      <p class="hint"><xsl:value-of select="kt:msg('project.section.contact.hint')"/></p>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'contact_name'"/>
        <xsl:with-param name="label" select="kt:msg('listing.field.contact_name')"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'contact_email'"/>
        <xsl:with-param name="label" select="kt:msg('listing.field.contact_email')"/>
        <xsl:with-param name="inputmode" select="'email'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'contact_phone'"/>
        <xsl:with-param name="label" select="kt:msg('listing.field.contact_phone')"/>
        <xsl:with-param name="inputmode" select="'tel'"/>
        <xsl:with-param name="size" select="'medium'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'url'"/>
        <xsl:with-param name="label" select="kt:msg('project.field.url')"/>
        <xsl:with-param name="hint" select="kt:msg('field.org.website.hint')"/>
        <xsl:with-param name="inputmode" select="'url'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>

      <xsl:call-template name="form-submit">
        <xsl:with-param name="text" select="kt:msg('listing.save')"/>
        <xsl:with-param name="name" select="'action'"/>
        <xsl:with-param name="value" select="'save'"/>
        <xsl:with-param name="class" select="'button button-secondary'"/>
      </xsl:call-template>

      <h2><xsl:value-of select="kt:msg('listing.section.submit')"/></h2>
      <p><xsl:value-of select="kt:msg('project.section.submit.intro')"/></p>
      <xsl:call-template name="rules-fieldset"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
      <xsl:call-template name="form-submit">
        <xsl:with-param name="text" select="kt:msg('listing.submit')"/>
        <xsl:with-param name="name" select="'action'"/>
        <xsl:with-param name="value" select="'submit'"/>
      </xsl:call-template>
    </form>
  </xsl:template>

  <!-- One row of project l as text. -->
  <xsl:template name="listing-value">
    <xsl:param name="l"/>
    <xsl:param name="row"/>
    <xsl:variable name="v" select="$l/field[@name = $row]"/>
    <xsl:variable name="text">
      <xsl:choose>
        <xsl:when test="starts-with($row, 'title_') or starts-with($row, 'description_')">
          <xsl:if test="normalize-space($v/@value)">
            <div lang="{substring-after($row, '_')}" class="lang-labelled">
              <xsl:call-template name="paragraphs">
                <xsl:with-param name="s" select="string($v/@value)"/>
              </xsl:call-template>
            </div>
          </xsl:if>
        </xsl:when>
        <xsl:when test="$row = 'period'">
          <xsl:variable name="sd" select="$l/field[@name = 'start_date']/@value"/>
          <xsl:variable name="ed" select="$l/field[@name = 'end_date']/@value"/>
          <xsl:if test="normalize-space(concat($sd, $ed))">
            <xsl:if test="normalize-space($sd)">
              <xsl:call-template name="date-text"><xsl:with-param name="date" select="$sd"/></xsl:call-template>
            </xsl:if>
            <xsl:text> – </xsl:text>
            <xsl:if test="normalize-space($ed)">
              <xsl:call-template name="date-text"><xsl:with-param name="date" select="$ed"/></xsl:call-template>
            </xsl:if>
          </xsl:if>
        </xsl:when>
        <xsl:when test="$row = 'funder'">
          <xsl:call-template name="names-of">
            <xsl:with-param name="values" select="$v/@value[normalize-space(.)]"/>
            <xsl:with-param name="for" select="'funder'"/>
          </xsl:call-template>
          <xsl:if test="normalize-space($l/field[@name = 'funder_name']/@value)">
            <xsl:text>: </xsl:text>
            <xsl:value-of select="$l/field[@name = 'funder_name']/@value"/>
          </xsl:if>
        </xsl:when>
        <xsl:when test="$row = 'objective'">
          <xsl:call-template name="names-of">
            <xsl:with-param name="values" select="$v/@value[normalize-space(.)]"/>
            <xsl:with-param name="for" select="'objective'"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="$row = 'grant'">
          <xsl:if test="normalize-space($v/@value)">
            <xsl:call-template name="euros"><xsl:with-param name="amount" select="$v/@value"/></xsl:call-template>
          </xsl:if>
        </xsl:when>
        <xsl:when test="$row = 'area'">
          <xsl:choose>
            <xsl:when test="$l/field[@name = 'nationwide']/@value = 'yes'">
              <xsl:value-of select="kt:msg('project.nationwide')"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="names-of">
                <xsl:with-param name="values" select="$l/field[@name = 'regions']/value"/>
                <xsl:with-param name="for" select="'regions'"/>
              </xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:when>
        <xsl:when test="$row = 'partners'">
          <xsl:call-template name="names-of">
            <xsl:with-param name="values" select="$v/value"/>
            <xsl:with-param name="for" select="'partners'"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="$row = 'contact'">
          <xsl:for-each select="$l/field[@name = 'contact_name' or @name = 'contact_email' or @name = 'contact_phone'][normalize-space(@value)]">
            <xsl:if test="position() &gt; 1"><br/></xsl:if>
            <xsl:value-of select="@value"/>
          </xsl:for-each>
        </xsl:when>
        <xsl:when test="$row = 'url'">
          <xsl:value-of select="$v/@value"/>
        </xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="normalize-space($text)"><xsl:copy-of select="$text"/></xsl:when>
      <xsl:otherwise><span class="meta"><xsl:value-of select="kt:msg('listing.empty')"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
