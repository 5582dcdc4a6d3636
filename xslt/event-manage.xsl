<?xml version="1.0" encoding="UTF-8"?>
<!--
  The event's editor and its review (the engine's pages, src/kt_editor.c and
  src/kt_review.c, for the kind "event"): the page types of listing.xsl
  (listing-new, listing-edit, listing-archive) and moderation.xsl
  (moderation-event) with what is the event's own: its form, the rows of its
  comparison table and how each row reads.  <listing> carries the fields of
  kt_event_xml (src/lib/kt_event.c).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:kt="urn:kotoutuminen:xslt"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="kt exsl">

  <xsl:import href="moderation.xsl"/>

  <!-- The rows of an event's table, in display order (kt_event_rows). -->
  <xsl:variable name="listing-rows-rtf">
    <row name="title_fi"/><row name="title_sv"/><row name="title_en"/>
    <row name="description_fi"/><row name="description_sv"/><row name="description_en"/>
    <row name="type"/><row name="audiences"/><row name="time"/><row name="place"/>
    <row name="address"/><row name="online"/><row name="languages"/><row name="registration"/>
    <row name="price"/><row name="contact"/><row name="url"/><row name="project"/>
  </xsl:variable>
  <xsl:variable name="listing-rows" select="exsl:node-set($listing-rows-rtf)/row"/>

  <xsl:template name="listing-form">
    <xsl:param name="fs"/>
    <xsl:variable name="price-choices">
      <option value="free"><xsl:value-of select="kt:msg('price.free')"/></option>
      <option value="fee"><xsl:value-of select="kt:msg('listing.price.fee')"/></option>
    </xsl:variable>
    <xsl:call-template name="form-errors"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
    <form method="post" action="{$fs/@action}" novalidate="novalidate" class="listing-form">
      <xsl:call-template name="listing-form-start"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>

      <xsl:call-template name="organisation-select">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="label" select="kt:msg('event.field.organisation')"/>
      </xsl:call-template>

      <h2><xsl:value-of select="kt:msg('listing.section.texts')"/></h2>
      <p class="hint"><xsl:value-of select="kt:msg('listing.section.texts.hint')"/></p>
      <xsl:call-template name="language-texts"><xsl:with-param name="fs" select="$fs"/><xsl:with-param name="l" select="'fi'"/></xsl:call-template>
      <xsl:call-template name="language-texts"><xsl:with-param name="fs" select="$fs"/><xsl:with-param name="l" select="'sv'"/></xsl:call-template>
      <xsl:call-template name="language-texts"><xsl:with-param name="fs" select="$fs"/><xsl:with-param name="l" select="'en'"/></xsl:call-template>

      <h2><xsl:value-of select="kt:msg('event.section.kind')"/></h2>
      <xsl:call-template name="field-radios">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'type'"/>
        <xsl:with-param name="legend" select="kt:msg('event.field.type')"/>
        <xsl:with-param name="options" select="/page/options[@for = 'type']/option"/>
        <xsl:with-param name="publish" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="field-checkboxes">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'audiences'"/>
        <xsl:with-param name="legend" select="kt:msg('event.field.audiences')"/>
        <xsl:with-param name="publish" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="field-checkboxes">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'languages'"/>
        <xsl:with-param name="legend" select="kt:msg('event.field.languages')"/>
        <xsl:with-param name="hint" select="kt:msg('listing.field.languages.hint')"/>
        <xsl:with-param name="publish" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'languages_other'"/>
        <xsl:with-param name="label" select="kt:msg('listing.field.languages_other')"/>
        <xsl:with-param name="hint" select="kt:msg('listing.field.languages_other.hint')"/>
      </xsl:call-template>

      <h2><xsl:value-of select="kt:msg('event.section.when')"/></h2>
      <p class="hint"><xsl:value-of select="kt:msg('event.section.when.hint')"/></p>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'start_date'"/>
        <xsl:with-param name="label" select="kt:msg('event.field.start_date')"/>
        <xsl:with-param name="hint" select="kt:msg('listing.field.date.hint')"/>
        <xsl:with-param name="size" select="'short'"/>
        <xsl:with-param name="publish" select="true()"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'start_time'"/>
        <xsl:with-param name="label" select="kt:msg('event.field.start_time')"/>
        <xsl:with-param name="hint" select="kt:msg('event.field.time.hint')"/>
        <xsl:with-param name="inputmode" select="'numeric'"/>
        <xsl:with-param name="size" select="'short'"/>
        <xsl:with-param name="publish" select="true()"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'end_date'"/>
        <xsl:with-param name="label" select="kt:msg('event.field.end_date')"/>
        <xsl:with-param name="hint" select="kt:msg('event.field.end_date.hint')"/>
        <xsl:with-param name="size" select="'short'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'end_time'"/>
        <xsl:with-param name="label" select="kt:msg('event.field.end_time')"/>
        <xsl:with-param name="hint" select="kt:msg('event.field.time.hint')"/>
        <xsl:with-param name="inputmode" select="'numeric'"/>
        <xsl:with-param name="size" select="'short'"/>
        <xsl:with-param name="publish" select="true()"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>

      <h2><xsl:value-of select="kt:msg('event.section.place')"/></h2>
      <p class="hint"><xsl:value-of select="kt:msg('event.section.place.hint')"/></p>
      <xsl:call-template name="field-select">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'municipality'"/>
        <xsl:with-param name="label" select="kt:msg('listing.field.municipality')"/>
        <xsl:with-param name="grouped" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'street_address'"/>
        <xsl:with-param name="label" select="kt:msg('listing.field.street_address')"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'postal_code'"/>
        <xsl:with-param name="label" select="kt:msg('listing.field.postal_code')"/>
        <xsl:with-param name="inputmode" select="'numeric'"/>
        <xsl:with-param name="size" select="'short'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'post_office'"/>
        <xsl:with-param name="label" select="kt:msg('listing.field.post_office')"/>
        <xsl:with-param name="size" select="'medium'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="field-checkbox">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'online'"/>
        <xsl:with-param name="label" select="kt:msg('event.field.online')"/>
      </xsl:call-template>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'online_url'"/>
        <xsl:with-param name="label" select="kt:msg('event.field.online_url')"/>
        <xsl:with-param name="hint" select="kt:msg('event.field.online_url.hint')"/>
        <xsl:with-param name="inputmode" select="'url'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>

      <h2><xsl:value-of select="kt:msg('event.section.registration')"/></h2>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'registration_url'"/>
        <xsl:with-param name="grouped" select="true()"/>
        <xsl:with-param name="label" select="kt:msg('event.field.registration_url')"/>
        <xsl:with-param name="hint" select="kt:msg('field.org.website.hint')"/>
        <xsl:with-param name="inputmode" select="'url'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'registration_deadline'"/>
        <xsl:with-param name="label" select="kt:msg('event.field.registration_deadline')"/>
        <xsl:with-param name="hint" select="kt:msg('listing.field.date.hint')"/>
        <xsl:with-param name="size" select="'short'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="field-radios">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'price'"/>
        <xsl:with-param name="legend" select="kt:msg('listing.field.price')"/>
        <xsl:with-param name="options" select="exsl:node-set($price-choices)/option"/>
      </xsl:call-template>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'price_amount'"/>
        <xsl:with-param name="label" select="kt:msg('listing.field.price_amount')"/>
        <xsl:with-param name="marker" select="kt:msg('listing.price_amount.marker')"/>
        <xsl:with-param name="hint" select="kt:msg('listing.field.price_amount.hint')"/>
        <xsl:with-param name="inputmode" select="'decimal'"/>
        <xsl:with-param name="size" select="'short'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>

      <h2><xsl:value-of select="kt:msg('listing.section.contact')"/></h2>
      <p class="hint"><xsl:value-of select="kt:msg('event.section.contact.hint')"/></p>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'contact_name'"/>
        <xsl:with-param name="label" select="kt:msg('listing.field.contact_name')"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'contact_email'"/>
        <xsl:with-param name="grouped" select="true()"/>
        <xsl:with-param name="label" select="kt:msg('listing.field.contact_email')"/>
        <xsl:with-param name="inputmode" select="'email'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'contact_phone'"/>
        <xsl:with-param name="grouped" select="true()"/>
        <xsl:with-param name="label" select="kt:msg('listing.field.contact_phone')"/>
        <xsl:with-param name="inputmode" select="'tel'"/>
        <xsl:with-param name="size" select="'medium'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'url'"/>
        <xsl:with-param name="grouped" select="true()"/>
        <xsl:with-param name="label" select="kt:msg('event.field.url')"/>
        <xsl:with-param name="hint" select="kt:msg('field.org.website.hint')"/>
        <xsl:with-param name="inputmode" select="'url'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:if test="/page/options[@for = 'project']/option or $fs/field[@name = 'project'][@error or normalize-space(@value)]">
        <xsl:call-template name="field-select">
          <xsl:with-param name="fs" select="$fs"/>
          <xsl:with-param name="name" select="'project'"/>
          <xsl:with-param name="label" select="kt:msg('listing.field.project')"/>
          <xsl:with-param name="hint" select="kt:msg('event.field.project.hint')"/>
        </xsl:call-template>
      </xsl:if>

      <xsl:call-template name="form-submit">
        <xsl:with-param name="text" select="kt:msg('listing.save')"/>
        <xsl:with-param name="name" select="'action'"/>
        <xsl:with-param name="value" select="'save'"/>
        <xsl:with-param name="class" select="'button button-secondary'"/>
      </xsl:call-template>

      <xsl:call-template name="listing-submit">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="intro" select="kt:msg('event.section.submit.intro')"/>
      </xsl:call-template>
    </form>
  </xsl:template>

  <!-- One row of event l as text. -->
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
        <xsl:when test="$row = 'audiences' or $row = 'languages'">
          <xsl:call-template name="names-of">
            <xsl:with-param name="values" select="$v/value"/>
            <xsl:with-param name="for" select="$row"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="$row = 'time'">
          <xsl:variable name="sd" select="$l/field[@name = 'start_date']/@value"/>
          <xsl:variable name="ed" select="$l/field[@name = 'end_date']/@value"/>
          <xsl:if test="normalize-space($sd)">
            <xsl:call-template name="date-text"><xsl:with-param name="date" select="$sd"/></xsl:call-template>
            <xsl:text> </xsl:text>
          </xsl:if>
          <xsl:value-of select="$l/field[@name = 'start_time']/@value"/>
          <xsl:if test="normalize-space(concat($ed, $l/field[@name = 'end_time']/@value))">
            <xsl:text> – </xsl:text>
          </xsl:if>
          <xsl:if test="normalize-space($ed) and $ed != $sd">
            <xsl:call-template name="date-text"><xsl:with-param name="date" select="$ed"/></xsl:call-template>
            <xsl:text> </xsl:text>
          </xsl:if>
          <xsl:value-of select="$l/field[@name = 'end_time']/@value"/>
        </xsl:when>
        <xsl:when test="$row = 'place'">
          <xsl:call-template name="names-of">
            <xsl:with-param name="values" select="$l/field[@name = 'municipality']/@value[normalize-space(.)]"/>
            <xsl:with-param name="for" select="'municipality'"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="$row = 'address'">
          <xsl:value-of select="$l/field[@name = 'street_address']/@value"/>
          <xsl:if test="normalize-space(concat($l/field[@name = 'postal_code']/@value, $l/field[@name = 'post_office']/@value))">
            <br/>
            <xsl:value-of select="normalize-space(concat($l/field[@name = 'postal_code']/@value, ' ', $l/field[@name = 'post_office']/@value))"/>
          </xsl:if>
        </xsl:when>
        <xsl:when test="$row = 'online'">
          <xsl:if test="$l/field[@name = 'online']/@value = 'yes'">
            <xsl:value-of select="kt:msg('place.online')"/>
            <xsl:if test="normalize-space($l/field[@name = 'online_url']/@value)">
              <br/><xsl:value-of select="$l/field[@name = 'online_url']/@value"/>
            </xsl:if>
          </xsl:if>
        </xsl:when>
        <xsl:when test="$row = 'registration'">
          <xsl:value-of select="$l/field[@name = 'registration_url']/@value"/>
          <xsl:if test="normalize-space($l/field[@name = 'registration_deadline']/@value)">
            <xsl:if test="normalize-space($l/field[@name = 'registration_url']/@value)"><br/></xsl:if>
            <xsl:value-of select="concat(kt:msg('event.registration.deadline'), ' ')"/>
            <xsl:call-template name="date-text"><xsl:with-param name="date" select="$l/field[@name = 'registration_deadline']/@value"/></xsl:call-template>
          </xsl:if>
        </xsl:when>
        <xsl:when test="$row = 'price'">
          <xsl:choose>
            <xsl:when test="$l/field[@name = 'price']/@value = 'fee'">
              <xsl:call-template name="euros"><xsl:with-param name="amount" select="$l/field[@name = 'price_amount']/@value"/></xsl:call-template>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="kt:msg('price.free')"/></xsl:otherwise>
          </xsl:choose>
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
        <xsl:when test="$row = 'project'">
          <xsl:call-template name="names-of">
            <xsl:with-param name="values" select="$v/@value[normalize-space(.)]"/>
            <xsl:with-param name="for" select="'project'"/>
          </xsl:call-template>
        </xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="normalize-space($text)"><xsl:copy-of select="$text"/></xsl:when>
      <xsl:otherwise><span class="meta"><xsl:value-of select="kt:msg('listing.empty')"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
