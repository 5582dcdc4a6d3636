<?xml version="1.0" encoding="UTF-8"?>
<!--
  The job's editor and its review (the engine's pages, src/kt_editor.c and
  src/kt_review.c, for the kind "job"): the page types of listing.xsl
  (listing-new, listing-edit, listing-archive) and moderation.xsl
  (moderation-job) with what is the job's own: its form, the rows of its
  comparison table and how each row reads.  <listing> carries the fields of
  kt_job_xml (src/lib/kt_job.c).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:kt="urn:kotoutuminen:xslt"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="kt exsl">

  <xsl:import href="moderation.xsl"/>
  <xsl:include href="job-cards.xsl"/>

  <!-- The rows of a job's table, in display order (kt_job_rows). -->
  <xsl:variable name="listing-rows-rtf">
    <row name="title_fi"/><row name="title_sv"/><row name="title_en"/>
    <row name="description_fi"/><row name="description_sv"/><row name="description_en"/>
    <row name="type"/><row name="place"/><row name="hours"/><row name="languages"/>
    <row name="deadline"/><row name="apply"/>
    <row name="salary_fi"/><row name="salary_sv"/><row name="salary_en"/><row name="contact"/>
  </xsl:variable>
  <xsl:variable name="listing-rows" select="exsl:node-set($listing-rows-rtf)/row"/>

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
          <xsl:with-param name="label" select="kt:msg('job.field.organisation')"/>
          <xsl:with-param name="required" select="true()"/>
        </xsl:call-template>
      </xsl:if>

      <h2><xsl:value-of select="kt:msg('listing.section.texts')"/></h2>
      <p class="hint"><xsl:value-of select="kt:msg('job.section.texts.hint')"/></p>
      <xsl:call-template name="language-texts">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="l" select="'fi'"/>
        <xsl:with-param name="line" select="'salary'"/>
        <xsl:with-param name="line-label" select="kt:msg('job.field.salary.fi')"/>
        <xsl:with-param name="line-hint" select="kt:msg('job.field.salary.hint')"/>
      </xsl:call-template>
      <xsl:call-template name="language-texts">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="l" select="'sv'"/>
        <xsl:with-param name="line" select="'salary'"/>
        <xsl:with-param name="line-label" select="kt:msg('job.field.salary.sv')"/>
        <xsl:with-param name="line-hint" select="kt:msg('job.field.salary.hint')"/>
      </xsl:call-template>
      <xsl:call-template name="language-texts">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="l" select="'en'"/>
        <xsl:with-param name="line" select="'salary'"/>
        <xsl:with-param name="line-label" select="kt:msg('job.field.salary.en')"/>
        <xsl:with-param name="line-hint" select="kt:msg('job.field.salary.hint')"/>
      </xsl:call-template>

      <h2><xsl:value-of select="kt:msg('job.section.kind')"/></h2>
      <xsl:call-template name="field-radios">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'type'"/>
        <xsl:with-param name="legend" select="kt:msg('job.field.type')"/>
        <xsl:with-param name="options" select="/page/options[@for = 'type']/option"/>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'hours'"/>
        <xsl:with-param name="label" select="kt:msg('job.field.hours')"/>
        <xsl:with-param name="hint" select="kt:msg('job.field.hours.hint')"/>
        <xsl:with-param name="inputmode" select="'decimal'"/>
        <xsl:with-param name="size" select="'short'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="field-checkboxes">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'languages'"/>
        <xsl:with-param name="legend" select="kt:msg('job.field.languages')"/>
        <xsl:with-param name="hint" select="kt:msg('job.field.languages.hint')"/>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'languages_other'"/>
        <xsl:with-param name="label" select="kt:msg('listing.field.languages_other')"/>
        <xsl:with-param name="hint" select="kt:msg('listing.field.languages_other.hint')"/>
      </xsl:call-template>

      <h2><xsl:value-of select="kt:msg('job.section.place')"/></h2>
      <p class="hint"><xsl:value-of select="kt:msg('job.section.place.hint')"/></p>
      <xsl:call-template name="field-select">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'municipality'"/>
        <xsl:with-param name="label" select="kt:msg('listing.field.municipality')"/>
      </xsl:call-template>
      <xsl:call-template name="field-checkbox">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'remote'"/>
        <xsl:with-param name="label" select="kt:msg('job.field.remote')"/>
      </xsl:call-template>

      <h2><xsl:value-of select="kt:msg('job.section.apply')"/></h2>
      <p class="hint"><xsl:value-of select="kt:msg('job.section.apply.hint')"/></p>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'deadline_date'"/>
        <xsl:with-param name="label" select="kt:msg('job.field.deadline_date')"/>
        <xsl:with-param name="hint" select="kt:msg('listing.field.date.hint')"/>
        <xsl:with-param name="size" select="'short'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'deadline_time'"/>
        <xsl:with-param name="label" select="kt:msg('job.field.deadline_time')"/>
        <xsl:with-param name="hint" select="kt:msg('job.field.deadline_time.hint')"/>
        <xsl:with-param name="inputmode" select="'numeric'"/>
        <xsl:with-param name="size" select="'short'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'apply_url'"/>
        <xsl:with-param name="label" select="kt:msg('job.field.apply_url')"/>
        <xsl:with-param name="hint" select="kt:msg('job.field.apply_url.hint')"/>
        <xsl:with-param name="inputmode" select="'url'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'apply_email'"/>
        <xsl:with-param name="label" select="kt:msg('job.field.apply_email')"/>
        <xsl:with-param name="inputmode" select="'email'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>

      <h2><xsl:value-of select="kt:msg('job.section.contact')"/></h2>
      <p class="hint"><xsl:value-of select="kt:msg('job.section.contact.hint')"/></p>
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

      <xsl:call-template name="form-submit">
        <xsl:with-param name="text" select="kt:msg('listing.save')"/>
        <xsl:with-param name="name" select="'action'"/>
        <xsl:with-param name="value" select="'save'"/>
        <xsl:with-param name="class" select="'button button-secondary'"/>
      </xsl:call-template>

      <h2><xsl:value-of select="kt:msg('listing.section.submit')"/></h2>
      <p><xsl:value-of select="kt:msg('job.section.submit.intro')"/></p>
      <xsl:call-template name="rules-fieldset"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
      <xsl:call-template name="form-submit">
        <xsl:with-param name="text" select="kt:msg('listing.submit')"/>
        <xsl:with-param name="name" select="'action'"/>
        <xsl:with-param name="value" select="'submit'"/>
      </xsl:call-template>
    </form>
  </xsl:template>

  <!-- One row of job l as text. -->
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
        <xsl:when test="$row = 'type'">
          <xsl:call-template name="names-of">
            <xsl:with-param name="values" select="$v/@value[normalize-space(.)]"/>
            <xsl:with-param name="for" select="'type'"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="$row = 'languages'">
          <xsl:call-template name="names-of">
            <xsl:with-param name="values" select="$v/value"/>
            <xsl:with-param name="for" select="$row"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="$row = 'place'">
          <xsl:call-template name="names-of">
            <xsl:with-param name="values" select="$l/field[@name = 'municipality']/@value[normalize-space(.)]"/>
            <xsl:with-param name="for" select="'municipality'"/>
          </xsl:call-template>
          <xsl:if test="$l/field[@name = 'remote']/@value = 'yes'">
            <xsl:if test="normalize-space($l/field[@name = 'municipality']/@value)"><br/></xsl:if>
            <xsl:value-of select="kt:msg('job.remote')"/>
          </xsl:if>
        </xsl:when>
        <xsl:when test="$row = 'hours'">
          <xsl:if test="normalize-space($v/@value)">
            <xsl:call-template name="job-hours"><xsl:with-param name="hours" select="$v/@value"/></xsl:call-template>
          </xsl:if>
        </xsl:when>
        <xsl:when test="$row = 'deadline'">
          <xsl:if test="normalize-space($l/field[@name = 'deadline_date']/@value)">
            <xsl:call-template name="job-deadline">
              <xsl:with-param name="date" select="$l/field[@name = 'deadline_date']/@value"/>
              <xsl:with-param name="time" select="$l/field[@name = 'deadline_time']/@value"/>
            </xsl:call-template>
          </xsl:if>
        </xsl:when>
        <xsl:when test="$row = 'apply'">
          <xsl:for-each select="$l/field[@name = 'apply_url' or @name = 'apply_email'][normalize-space(@value)]">
            <xsl:if test="position() &gt; 1"><br/></xsl:if>
            <xsl:value-of select="@value"/>
          </xsl:for-each>
        </xsl:when>
        <xsl:when test="starts-with($row, 'salary_')">
          <xsl:if test="normalize-space($v/@value)">
            <span lang="{substring-after($row, '_')}"><xsl:value-of select="$v/@value"/></span>
          </xsl:if>
        </xsl:when>
        <xsl:when test="$row = 'contact'">
          <xsl:for-each select="$l/field[@name = 'contact_name' or @name = 'contact_email' or @name = 'contact_phone'][normalize-space(@value)]">
            <xsl:if test="position() &gt; 1"><br/></xsl:if>
            <xsl:value-of select="@value"/>
          </xsl:for-each>
        </xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="normalize-space($text)"><xsl:copy-of select="$text"/></xsl:when>
      <xsl:otherwise><span class="meta"><xsl:value-of select="kt:msg('listing.empty')"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
