<?xml version="1.0" encoding="UTF-8"?>
<!--
  The listing editor (src/kt_editor.c) and the listing tables that the
  editor's conflict page and the moderators' review page share:
    listing-new      a new listing: <form-state name="listing">, <options for=
                     "organisation">; or <no-organisation/> when the person has
                     no approved organisation to write for
    listing-edit     <listing-meta>, <form-state name="listing"> while it can be
                     edited, else <listing role="current">; after a save on an
                     older revision <conflict editable=""> with <listing role=
                     "mine">, <listing role="current"> and <change row=""/>
    listing-archive  <listing-meta>: asks once more before archiving
  <listing> elements carry <field name value> / <value> / <row> (kt_listing.h);
  codes are named through /page/options.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:kt="urn:kotoutuminen:xslt"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="kt exsl">

  <xsl:import href="manage.xsl"/>

  <!-- /page, for lookups from inside the row list below (another document). -->
  <xsl:variable name="page" select="/page"/>

  <!-- The rows of a listing table, in display order (kt_listing_rows). -->
  <xsl:variable name="listing-rows-rtf">
    <row name="title_fi"/><row name="title_sv"/><row name="title_en"/>
    <row name="description_fi"/><row name="description_sv"/><row name="description_en"/>
    <row name="forms"/><row name="themes"/><row name="targets"/><row name="languages"/>
    <row name="place"/><row name="address"/>
    <row name="accessibility_fi"/><row name="accessibility_sv"/><row name="accessibility_en"/>
    <row name="period"/><row name="schedule"/><row name="sessions"/><row name="price"/>
    <row name="registration"/><row name="contact"/><row name="url"/><row name="project"/>
  </xsl:variable>
  <xsl:variable name="listing-rows" select="exsl:node-set($listing-rows-rtf)/row"/>

  <xsl:variable name="weekdays-rtf"><d n="1"/><d n="2"/><d n="3"/><d n="4"/><d n="5"/><d n="6"/><d n="7"/></xsl:variable>
  <xsl:variable name="weekdays" select="exsl:node-set($weekdays-rtf)/d"/>

  <!-- The listing rules of the kind, confirmed one by one on submitting
       (<listing-kind><rule name=""/>…, from its descriptor). -->
  <xsl:variable name="listing-rules" select="/page/listing-kind/rule"/>

  <xsl:template match="page[@type = 'listing-new']" mode="title">
    <xsl:value-of select="kt:msg(concat('kind.', /page/listing-kind/@name, '.new'))"/>
  </xsl:template>
  <xsl:template match="page[@type = 'listing-edit']" mode="title">
    <xsl:call-template name="listing-title"/>
  </xsl:template>
  <xsl:template match="page[@type = 'listing-archive']" mode="title">
    <xsl:value-of select="kt:msg('listing.archive.heading')"/>
  </xsl:template>

  <!-- The listing's own title in the best language there is, as typed. -->
  <xsl:template name="listing-title">
    <xsl:variable name="fs" select="form-state[@name = 'listing']"/>
    <xsl:variable name="l" select="(conflict/listing[@role = 'current'] | listing[@role = 'current'])[1]"/>
    <xsl:variable name="all" select="$fs/field[starts-with(@name, 'title_')][normalize-space(@value)]
                                     | $l/field[starts-with(@name, 'title_')][normalize-space(@value)]"/>
    <xsl:choose>
      <xsl:when test="$all[@name = concat('title_', $lang)]">
        <xsl:value-of select="normalize-space($all[@name = concat('title_', $lang)][1]/@value)"/>
      </xsl:when>
      <xsl:when test="$all">
        <xsl:value-of select="normalize-space($all[1]/@value)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="kt:msg('listing.untitled')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ==== a new listing ================================================= -->

  <xsl:template match="page[@type = 'listing-new']" mode="main">
    <p class="breadcrumb"><a href="{$home}manage"><xsl:value-of select="kt:msg('manage.heading')"/></a></p>
    <h1><xsl:value-of select="kt:msg(concat('kind.', /page/listing-kind/@name, '.new'))"/></h1>
    <xsl:choose>
      <xsl:when test="no-organisation">
        <div class="callout">
          <p><xsl:value-of select="kt:msg('listing.new.no-organisation')"/></p>
          <ul class="next-steps">
            <li><a href="{$home}manage/join"><xsl:value-of select="kt:msg('join.heading')"/></a></li>
            <li><a href="{$home}manage/organisations/new"><xsl:value-of select="kt:msg('orgnew.heading')"/></a></li>
          </ul>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p class="lead"><xsl:value-of select="kt:msg(concat('kind.', /page/listing-kind/@name, '.intro'))"/></p>
        <xsl:call-template name="listing-form">
          <xsl:with-param name="fs" select="form-state[@name = 'listing']"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ==== an existing listing ============================================== -->

  <xsl:template match="page[@type = 'listing-edit']" mode="main">
    <xsl:variable name="fs" select="form-state[@name = 'listing']"/>
    <p class="breadcrumb"><a href="{$home}manage"><xsl:value-of select="kt:msg('manage.heading')"/></a></p>
    <h1><xsl:call-template name="listing-title"/></h1>
    <xsl:call-template name="notice"/>
    <xsl:apply-templates select="conflict"/>
    <xsl:call-template name="listing-status">
      <xsl:with-param name="m" select="listing-meta"/>
    </xsl:call-template>
    <xsl:choose>
      <xsl:when test="$fs">
        <xsl:call-template name="listing-form">
          <xsl:with-param name="fs" select="$fs"/>
        </xsl:call-template>
        <xsl:call-template name="listing-archive-link">
          <xsl:with-param name="m" select="listing-meta"/>
          <xsl:with-param name="fs" select="$fs"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="listing[@role = 'current']">
        <section aria-labelledby="content-heading">
          <h2 id="content-heading"><xsl:value-of select="kt:msg('listing.content')"/></h2>
          <xsl:call-template name="listing-table">
            <xsl:with-param name="right" select="listing[@role = 'current']"/>
            <xsl:with-param name="caption" select="kt:msg('listing.content')"/>
          </xsl:call-template>
        </section>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- Where the listing stands, and what can be done with it now. -->
  <xsl:template name="listing-status">
    <xsl:param name="m"/>
    <section class="callout" aria-labelledby="status-heading">
      <h2 id="status-heading"><xsl:value-of select="kt:msg('listing.status.heading')"/></h2>
      <dl class="facts">
        <xsl:call-template name="fact">
          <xsl:with-param name="label" select="kt:msg('listing.state')"/>
          <xsl:with-param name="value" select="kt:msg(concat('listing.state.', $m/@state))"/>
        </xsl:call-template>
        <xsl:call-template name="fact">
          <xsl:with-param name="label" select="kt:msg('listing.organisation')"/>
          <xsl:with-param name="value" select="normalize-space($m/organisation)"/>
        </xsl:call-template>
        <xsl:call-template name="fact">
          <xsl:with-param name="label" select="kt:msg('listing.public')"/>
          <xsl:with-param name="value">
            <xsl:choose>
              <xsl:when test="$m/@public = 'true'">
                <a href="{$home}{$m/@segment}/{$m/@id}"><xsl:value-of select="kt:msg('listing.public.yes')"/></a>
                <xsl:if test="$m/@pending-edit = 'true'">
                  <xsl:text> </xsl:text>
                  <xsl:value-of select="kt:msg('listing.public.pending')"/>
                </xsl:if>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="kt:msg('listing.public.no')"/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:if test="$m/@confirmed">
          <xsl:call-template name="fact">
            <xsl:with-param name="label" select="kt:msg('listing.confirmed')"/>
            <xsl:with-param name="value">
              <xsl:call-template name="date"><xsl:with-param name="date" select="$m/@confirmed"/></xsl:call-template>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:if>
        <xsl:if test="$m/@state = 'archived' and $m/@archive-reason">
          <xsl:call-template name="fact">
            <xsl:with-param name="label" select="kt:msg('listing.archived.why')"/>
            <xsl:with-param name="value" select="kt:msg(concat('listing.archived.', $m/@archive-reason))"/>
          </xsl:call-template>
        </xsl:if>
      </dl>
      <xsl:choose>
        <xsl:when test="$m/@organisation-status = 'pending' and $page/form-state[@name = 'listing']">
          <p><xsl:value-of select="kt:msg('listing.state.pending-organisation.text')"/></p>
        </xsl:when>
        <xsl:otherwise>
          <p><xsl:value-of select="kt:msg(concat('listing.state.', $m/@state, '.text'))"/></p>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$m/reason and ($m/@state = 'returned' or $m/@state = 'rejected')">
        <p>
          <strong><xsl:value-of select="kt:msg('listing.reason')"/></strong>
          <xsl:text> </xsl:text>
          <xsl:value-of select="$m/reason"/>
        </p>
      </xsl:if>
      <xsl:if test="$m/@confirmable = 'true' and $page/form-state[@name = 'listing']">
        <form method="post" action="{$page/form-state[@name = 'listing']/@action}" class="row-form">
          <xsl:call-template name="form-csrf"><xsl:with-param name="fs" select="$page/form-state[@name = 'listing']"/></xsl:call-template>
          <p class="hint"><xsl:value-of select="kt:msg('listing.confirm.hint')"/></p>
          <button type="submit" name="action" value="confirm" class="button-small">
            <xsl:value-of select="kt:msg('listing.confirm')"/>
          </button>
        </form>
      </xsl:if>
    </section>
  </xsl:template>

  <xsl:template name="listing-archive-link">
    <xsl:param name="m"/>
    <xsl:param name="fs"/>
    <section aria-labelledby="archive-heading">
      <h2 id="archive-heading"><xsl:value-of select="kt:msg('listing.archive.heading')"/></h2>
      <p><xsl:value-of select="kt:msg('listing.archive.intro')"/></p>
      <form method="post" action="{$fs/@action}">
        <xsl:call-template name="form-csrf"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
        <xsl:call-template name="form-submit">
          <xsl:with-param name="text" select="kt:msg('listing.archive.button')"/>
          <xsl:with-param name="name" select="'action'"/>
          <xsl:with-param name="value" select="'archive'"/>
          <xsl:with-param name="class" select="'button button-secondary'"/>
        </xsl:call-template>
      </form>
    </section>
  </xsl:template>

  <!-- ==== archiving, asked once more ============================================ -->

  <xsl:template match="page[@type = 'listing-archive']" mode="main">
    <xsl:variable name="fs" select="form-state[@name = 'listing']"/>
    <p class="breadcrumb"><a href="{$fs/@action}"><xsl:value-of select="kt:msg('listing.back')"/></a></p>
    <h1><xsl:value-of select="kt:msg('listing.archive.heading')"/></h1>
    <p class="lead"><xsl:value-of select="kt:msg('listing.archive.question')"/></p>
    <p><xsl:value-of select="kt:msg('listing.archive.intro')"/></p>
    <form method="post" action="{$fs/@action}">
      <xsl:call-template name="form-csrf"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
      <input type="hidden" name="confirm" value="yes"/>
      <xsl:call-template name="form-submit">
        <xsl:with-param name="text" select="kt:msg('listing.archive.confirm')"/>
        <xsl:with-param name="name" select="'action'"/>
        <xsl:with-param name="value" select="'archive'"/>
      </xsl:call-template>
    </form>
    <p><a href="{$fs/@action}"><xsl:value-of select="kt:msg('listing.archive.cancel')"/></a></p>
  </xsl:template>

  <!-- ==== the edit conflict =================================================== -->

  <xsl:template match="conflict">
    <section class="error-summary" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading"><xsl:value-of select="kt:msg('listing.conflict.heading')"/></h2>
      <xsl:choose>
        <xsl:when test="@editable = 'true'">
          <p><xsl:value-of select="kt:msg('listing.conflict.text')"/></p>
        </xsl:when>
        <xsl:otherwise>
          <p><xsl:value-of select="kt:msg('listing.conflict.locked')"/></p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
    <section aria-labelledby="conflict-table-heading">
      <h2 id="conflict-table-heading"><xsl:value-of select="kt:msg('listing.conflict.compare')"/></h2>
      <xsl:choose>
        <xsl:when test="change">
          <xsl:call-template name="listing-table">
            <xsl:with-param name="left" select="listing[@role = 'mine']"/>
            <xsl:with-param name="right" select="listing[@role = 'current']"/>
            <xsl:with-param name="left-label" select="kt:msg('listing.conflict.mine')"/>
            <xsl:with-param name="right-label" select="kt:msg('listing.conflict.current')"/>
            <xsl:with-param name="changes" select="change"/>
            <xsl:with-param name="only-changed" select="@editable = 'true'"/>
            <xsl:with-param name="caption" select="kt:msg('listing.conflict.compare')"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <p><xsl:value-of select="kt:msg('listing.conflict.same')"/></p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- ==== the form ============================================================== -->

  <xsl:template name="listing-form">
    <xsl:param name="fs"/>
    <xsl:variable name="price-choices">
      <option value="free"><xsl:value-of select="kt:msg('price.free')"/></option>
      <option value="fee"><xsl:value-of select="kt:msg('listing.price.fee')"/></option>
    </xsl:variable>
    <xsl:variable name="registration-choices">
      <option value="drop_in"><xsl:value-of select="kt:msg('registration.drop-in')"/></option>
      <option value="required"><xsl:value-of select="kt:msg('registration.required')"/></option>
    </xsl:variable>
    <xsl:call-template name="form-errors"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
    <form method="post" action="{$fs/@action}" novalidate="novalidate" class="listing-form">
      <xsl:call-template name="listing-form-start"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>

      <xsl:call-template name="organisation-select">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="label" select="kt:msg('listing.field.organisation')"/>
      </xsl:call-template>

      <h2><xsl:value-of select="kt:msg('listing.section.texts')"/></h2>
      <p class="hint"><xsl:value-of select="kt:msg('listing.section.texts.hint')"/></p>
      <xsl:call-template name="language-texts"><xsl:with-param name="fs" select="$fs"/><xsl:with-param name="l" select="'fi'"/></xsl:call-template>
      <xsl:call-template name="language-texts"><xsl:with-param name="fs" select="$fs"/><xsl:with-param name="l" select="'sv'"/></xsl:call-template>
      <xsl:call-template name="language-texts"><xsl:with-param name="fs" select="$fs"/><xsl:with-param name="l" select="'en'"/></xsl:call-template>

      <h2><xsl:value-of select="kt:msg('listing.section.kind')"/></h2>
      <xsl:call-template name="field-checkboxes">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'forms'"/>
        <xsl:with-param name="legend" select="kt:msg('listing.field.forms')"/>
        <xsl:with-param name="publish" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="field-checkboxes">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'themes'"/>
        <xsl:with-param name="legend" select="kt:msg('listing.field.themes')"/>
      </xsl:call-template>
      <xsl:call-template name="field-checkboxes">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'targets'"/>
        <xsl:with-param name="legend" select="kt:msg('listing.field.targets')"/>
        <xsl:with-param name="publish" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="field-checkboxes">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'languages'"/>
        <xsl:with-param name="legend" select="kt:msg('listing.field.languages')"/>
        <xsl:with-param name="hint" select="kt:msg('listing.field.languages.hint')"/>
        <xsl:with-param name="publish" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'languages_other'"/>
        <xsl:with-param name="label" select="kt:msg('listing.field.languages_other')"/>
        <xsl:with-param name="hint" select="kt:msg('listing.field.languages_other.hint')"/>
      </xsl:call-template>

      <h2><xsl:value-of select="kt:msg('listing.section.place')"/></h2>
      <p class="hint"><xsl:value-of select="kt:msg('listing.section.place.hint')"/></p>
      <xsl:call-template name="field-select">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'municipality'"/>
        <xsl:with-param name="label" select="kt:msg('listing.field.municipality')"/>
        <xsl:with-param name="hint" select="kt:msg('listing.field.municipality.hint')"/>
        <xsl:with-param name="grouped" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="field-checkbox">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'online'"/>
        <xsl:with-param name="label" select="kt:msg('listing.field.online')"/>
      </xsl:call-template>
      <xsl:call-template name="field-checkbox">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'nationwide'"/>
        <xsl:with-param name="label" select="kt:msg('listing.field.nationwide')"/>
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
      <xsl:call-template name="accessibility-text"><xsl:with-param name="fs" select="$fs"/><xsl:with-param name="l" select="'fi'"/></xsl:call-template>
      <xsl:call-template name="accessibility-text"><xsl:with-param name="fs" select="$fs"/><xsl:with-param name="l" select="'sv'"/></xsl:call-template>
      <xsl:call-template name="accessibility-text"><xsl:with-param name="fs" select="$fs"/><xsl:with-param name="l" select="'en'"/></xsl:call-template>

      <h2><xsl:value-of select="kt:msg('listing.section.when')"/></h2>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'start_date'"/>
        <xsl:with-param name="label" select="kt:msg('listing.field.start_date')"/>
        <xsl:with-param name="hint" select="kt:msg('listing.field.date.hint')"/>
        <xsl:with-param name="size" select="'short'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'end_date'"/>
        <xsl:with-param name="label" select="kt:msg('listing.field.end_date')"/>
        <xsl:with-param name="hint" select="kt:msg('listing.field.end_date.hint')"/>
        <xsl:with-param name="size" select="'short'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <h3><xsl:value-of select="kt:msg('listing.slots.heading')"/></h3>
      <p class="hint"><xsl:value-of select="kt:msg('listing.slots.hint')"/></p>
      <xsl:call-template name="slot-rows"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
      <button type="submit" name="action" value="add_slot" class="button-small button-secondary"
              formaction="{$fs/@action}#slot-{count($fs/field[@name = 'slot_weekday']/value) + 1}">
        <xsl:value-of select="kt:msg('listing.slots.add')"/>
      </button>
      <h3><xsl:value-of select="kt:msg('listing.sessions.heading')"/></h3>
      <p class="hint"><xsl:value-of select="kt:msg('listing.sessions.hint')"/></p>
      <xsl:call-template name="session-rows"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
      <button type="submit" name="action" value="add_session" class="button-small button-secondary"
              formaction="{$fs/@action}#session-{count($fs/field[@name = 'session_date']/value) + 1}">
        <xsl:value-of select="kt:msg('listing.sessions.add')"/>
      </button>

      <h2><xsl:value-of select="kt:msg('listing.section.price')"/></h2>
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
        <xsl:with-param name="hint" select="kt:msg('listing.field.price_amount.hint')"/>
        <xsl:with-param name="marker" select="kt:msg('listing.price_amount.marker')"/>
        <xsl:with-param name="inputmode" select="'decimal'"/>
        <xsl:with-param name="size" select="'short'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="field-radios">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'registration'"/>
        <xsl:with-param name="legend" select="kt:msg('listing.field.registration')"/>
        <xsl:with-param name="options" select="exsl:node-set($registration-choices)/option"/>
      </xsl:call-template>

      <h2><xsl:value-of select="kt:msg('listing.section.contact')"/></h2>
      <p class="hint"><xsl:value-of select="kt:msg('listing.section.contact.hint')"/></p>
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
        <xsl:with-param name="grouped" select="true()"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'contact_phone'"/>
        <xsl:with-param name="label" select="kt:msg('listing.field.contact_phone')"/>
        <xsl:with-param name="inputmode" select="'tel'"/>
        <xsl:with-param name="grouped" select="true()"/>
        <xsl:with-param name="size" select="'medium'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'url'"/>
        <xsl:with-param name="label" select="kt:msg('listing.field.url')"/>
        <xsl:with-param name="hint" select="kt:msg('field.org.website.hint')"/>
        <xsl:with-param name="grouped" select="true()"/>
        <xsl:with-param name="inputmode" select="'url'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:if test="/page/options[@for = 'project']/option or $fs/field[@name = 'project'][@error or normalize-space(@value)]">
        <xsl:call-template name="field-select">
          <xsl:with-param name="fs" select="$fs"/>
          <xsl:with-param name="name" select="'project'"/>
          <xsl:with-param name="label" select="kt:msg('listing.field.project')"/>
          <xsl:with-param name="hint" select="kt:msg('listing.field.project.hint')"/>
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
        <xsl:with-param name="intro" select="kt:msg('listing.section.submit.intro')"/>
      </xsl:call-template>
    </form>
  </xsl:template>

  <!-- The start of every kind's form: token, revision, a default button and
       the line that explains what a draft and publishing need. -->
  <xsl:template name="listing-form-start">
    <xsl:param name="fs"/>
    <xsl:call-template name="form-csrf"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
    <xsl:if test="$fs/field[@name = 'revision']/@value">
      <input type="hidden" name="revision" value="{$fs/field[@name = 'revision']/@value}"/>
    </xsl:if>
    <!-- Enter in a field presses a form's first button: this one (it saves
         the draft), not the first row's "remove" -->
    <button type="submit" name="action" value="save" class="visually-hidden" tabindex="-1"
            aria-hidden="true"><xsl:value-of select="kt:msg('listing.save')"/></button>
    <p class="hint"><xsl:value-of select="kt:msg('listing.form.intro')"/></p>
  </xsl:template>

  <!-- The organisation a new listing is for: those waiting for approval say
       so (their listings are drafts until then). -->
  <xsl:template name="organisation-select">
    <xsl:param name="fs"/>
    <xsl:param name="label"/>
    <xsl:variable name="orgs" select="/page/options[@for = 'organisation']/option"/>
    <xsl:if test="$orgs">
      <xsl:variable name="named">
        <xsl:for-each select="$orgs">
          <option value="{@value}">
            <xsl:value-of select="normalize-space(.)"/>
            <xsl:if test="@status = 'pending'">
              <xsl:value-of select="concat(' ', kt:msg('listing.organisation.pending'))"/>
            </xsl:if>
          </option>
        </xsl:for-each>
      </xsl:variable>
      <xsl:call-template name="field-select">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'organisation'"/>
        <xsl:with-param name="label" select="$label"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="options" select="exsl:node-set($named)/option"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Submitting: the rules that apply and the button; for an organisation
       that waits for approval, why its listings are drafts for now and what
       happens next (issue 14). -->
  <xsl:template name="listing-submit">
    <xsl:param name="fs"/>
    <xsl:param name="intro"/>
    <xsl:variable name="orgs" select="/page/options[@for = 'organisation']/option"/>
    <xsl:variable name="waits" select="/page/listing-meta/@organisation-status = 'pending'
                                       or ($orgs and not($orgs[not(@status = 'pending')]))"/>
    <h2 id="submit-heading"><xsl:value-of select="kt:msg('listing.section.submit')"/></h2>
    <xsl:choose>
      <xsl:when test="$waits">
        <div class="callout">
          <p><strong><xsl:value-of select="kt:msg('listing.pending.heading')"/></strong></p>
          <p><xsl:value-of select="kt:msg('listing.pending.text')"/></p>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p><xsl:value-of select="$intro"/></p>
        <xsl:if test="$orgs[@status = 'pending']">
          <p class="hint"><xsl:value-of select="kt:msg('listing.pending.some')"/></p>
        </xsl:if>
        <xsl:call-template name="rules-fieldset"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
        <xsl:call-template name="form-submit">
          <xsl:with-param name="text" select="kt:msg('listing.submit')"/>
          <xsl:with-param name="name" select="'action'"/>
          <xsl:with-param name="value" select="'submit'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Title and description in one content language. -->
  <!-- One language's texts of the form.  A kind with a short text of its own in
       each language puts it in the same block: $line its field's stem (jobs'
       salary: salary_fi …), $line-label in this language, $line-hint. -->
  <xsl:template name="language-texts">
    <xsl:param name="fs"/>
    <xsl:param name="l"/>
    <xsl:param name="line"/>
    <xsl:param name="line-label"/>
    <xsl:param name="line-hint"/>
    <fieldset class="language-texts">
      <legend><xsl:value-of select="kt:msg(concat('listing.in.', $l))"/></legend>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="concat('title_', $l)"/>
        <xsl:with-param name="label" select="kt:msg(concat('listing.field.title.', $l))"/>
        <xsl:with-param name="content-lang" select="$l"/>
        <xsl:with-param name="grouped" select="true()"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="field-textarea">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="concat('description_', $l)"/>
        <xsl:with-param name="label" select="kt:msg(concat('listing.field.description.', $l))"/>
        <xsl:with-param name="hint" select="kt:msg('listing.field.description.hint')"/>
        <xsl:with-param name="content-lang" select="$l"/>
        <xsl:with-param name="grouped" select="true()"/>
        <xsl:with-param name="rows" select="8"/>
      </xsl:call-template>
      <xsl:if test="$line">
        <xsl:call-template name="field-input">
          <xsl:with-param name="fs" select="$fs"/>
          <xsl:with-param name="name" select="concat($line, '_', $l)"/>
          <xsl:with-param name="label" select="$line-label"/>
          <xsl:with-param name="hint" select="$line-hint"/>
          <xsl:with-param name="content-lang" select="$l"/>
          <xsl:with-param name="autocomplete" select="'off'"/>
        </xsl:call-template>
      </xsl:if>
    </fieldset>
  </xsl:template>

  <xsl:template name="accessibility-text">
    <xsl:param name="fs"/>
    <xsl:param name="l"/>
    <xsl:call-template name="field-textarea">
      <xsl:with-param name="fs" select="$fs"/>
      <xsl:with-param name="name" select="concat('accessibility_', $l)"/>
      <xsl:with-param name="label" select="kt:msg(concat('listing.field.accessibility.', $l))"/>
      <xsl:with-param name="hint" select="kt:msg('listing.field.accessibility.hint')"/>
      <xsl:with-param name="content-lang" select="$l"/>
      <xsl:with-param name="rows" select="3"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A row's message, tied to its controls: field "slot-N" / "session-N". -->
  <xsl:template name="row-error">
    <xsl:param name="id"/>
    <xsl:param name="f"/>
    <xsl:if test="$f/@error">
      <p class="field-error" id="{$id}-error">
        <span class="visually-hidden"><xsl:value-of select="kt:msg('form.error.prefix')"/><xsl:text> </xsl:text></span>
        <xsl:value-of select="kt:msg(concat('form.error.', $f/@error))"/>
        <!-- a single event belongs to the events (issue 11) -->
        <xsl:if test="$f/@error = 'sessions.single'">
          <xsl:text> </xsl:text>
          <a href="{$home}manage/events/new"><xsl:value-of select="kt:msg('kind.event.new')"/></a>
        </xsl:if>
      </p>
    </xsl:if>
  </xsl:template>

  <xsl:template name="row-aria">
    <xsl:param name="id"/>
    <xsl:param name="f"/>
    <xsl:if test="$f/@error">
      <xsl:attribute name="aria-describedby"><xsl:value-of select="concat($id, '-error')"/></xsl:attribute>
      <xsl:attribute name="aria-invalid">true</xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- The row a row button takes the person to (issue 14): the form posts
       to its own address with the fragment #slot-N / #session-N (formaction),
       so the page shown again opens at that row, and its first field gets
       the focus.  "add_slot": the new row, the last one; "remove_slot_N": the
       row that took its place, or the last one.  Rows keep their places when
       the form comes back (kt_listing_row_button), so the number is known
       before the button is pressed. -->
  <xsl:template name="row-focus">
    <xsl:param name="fs"/>
    <xsl:param name="kind"/>     <!-- slot | session -->
    <xsl:param name="n"/>
    <xsl:param name="count"/>
    <xsl:variable name="action" select="string($fs/field[@name = 'action']/@value)"/>
    <xsl:variable name="removed" select="number(substring-after($action, concat('remove_', $kind, '_')))"/>
    <xsl:if test="($action = concat('add_', $kind) and $n = $count)
                  or ($removed &gt;= 1 and $n = $removed and $n &lt;= $count)
                  or ($removed &gt; $count and $n = $count)">
      <xsl:attribute name="autofocus">autofocus</xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- A row's remove button, with the row to land on afterwards. -->
  <xsl:template name="row-remove">
    <xsl:param name="fs"/>
    <xsl:param name="kind"/>
    <xsl:param name="n"/>
    <xsl:param name="count"/>
    <xsl:param name="label"/>
    <xsl:variable name="next">
      <xsl:choose>
        <xsl:when test="$n &lt; $count"><xsl:value-of select="$n"/></xsl:when>
        <xsl:when test="$n &gt; 1"><xsl:value-of select="$n - 1"/></xsl:when>
        <xsl:otherwise>1</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <button type="submit" name="action" value="remove_{$kind}_{$n}" class="button-small button-secondary"
            formaction="{$fs/@action}#{$kind}-{$next}">
      <xsl:value-of select="kt:msg('listing.row.remove')"/>
      <span class="visually-hidden"><xsl:value-of select="concat(': ', $label, ' ', $n)"/></span>
    </button>
  </xsl:template>

  <!-- Weekly times: one fieldset a row, weekday and times, a remove button. -->
  <xsl:template name="slot-rows">
    <xsl:param name="fs"/>
    <xsl:variable name="starts" select="$fs/field[@name = 'slot_start']/value"/>
    <xsl:variable name="ends" select="$fs/field[@name = 'slot_end']/value"/>
    <xsl:variable name="count" select="count($fs/field[@name = 'slot_weekday']/value)"/>
    <xsl:for-each select="$fs/field[@name = 'slot_weekday']/value">
      <xsl:variable name="n" select="position()"/>
      <xsl:variable name="id" select="concat($fs/@name, '-slot-', $n)"/>
      <xsl:variable name="f" select="$fs/field[@name = concat('slot-', $n)]"/>
      <xsl:variable name="day" select="string(.)"/>
      <fieldset class="row-fields" id="slot-{$n}">
        <xsl:if test="$f/@error"><xsl:attribute name="class">row-fields field-invalid</xsl:attribute></xsl:if>
        <legend><xsl:value-of select="concat(kt:msg('listing.slot'), ' ', $n)"/></legend>
        <xsl:call-template name="row-error"><xsl:with-param name="id" select="$id"/><xsl:with-param name="f" select="$f"/></xsl:call-template>
        <div class="row-controls">
          <div>
            <label for="{$id}"><xsl:value-of select="kt:msg('listing.slot.weekday')"/></label>
            <select id="{$id}" name="slot_weekday">
              <xsl:call-template name="row-aria"><xsl:with-param name="id" select="$id"/><xsl:with-param name="f" select="$f"/></xsl:call-template>
              <xsl:call-template name="row-focus">
                <xsl:with-param name="fs" select="$fs"/><xsl:with-param name="kind" select="'slot'"/>
                <xsl:with-param name="n" select="$n"/><xsl:with-param name="count" select="$count"/>
              </xsl:call-template>
              <option value=""><xsl:value-of select="kt:msg('form.choose')"/></option>
              <xsl:for-each select="$weekdays">
                <option value="{@n}">
                  <xsl:if test="string(@n) = $day"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                  <xsl:value-of select="kt:msg(concat('weekday.', @n))"/>
                </option>
              </xsl:for-each>
            </select>
          </div>
          <div>
            <label for="{$id}-start"><xsl:value-of select="kt:msg('listing.row.start')"/></label>
            <input id="{$id}-start" name="slot_start" type="text" class="input-short" inputmode="numeric"
                   autocomplete="off" value="{$starts[$n]}">
              <xsl:call-template name="row-aria"><xsl:with-param name="id" select="$id"/><xsl:with-param name="f" select="$f"/></xsl:call-template>
            </input>
          </div>
          <div>
            <label for="{$id}-end"><xsl:value-of select="kt:msg('listing.row.end')"/></label>
            <input id="{$id}-end" name="slot_end" type="text" class="input-short" inputmode="numeric"
                   autocomplete="off" value="{$ends[$n]}">
              <xsl:call-template name="row-aria"><xsl:with-param name="id" select="$id"/><xsl:with-param name="f" select="$f"/></xsl:call-template>
            </input>
          </div>
          <xsl:call-template name="row-remove">
            <xsl:with-param name="fs" select="$fs"/><xsl:with-param name="kind" select="'slot'"/>
            <xsl:with-param name="n" select="$n"/><xsl:with-param name="count" select="$count"/>
            <xsl:with-param name="label" select="kt:msg('listing.slot')"/>
          </xsl:call-template>
        </div>
      </fieldset>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="session-rows">
    <xsl:param name="fs"/>
    <xsl:variable name="starts" select="$fs/field[@name = 'session_start']/value"/>
    <xsl:variable name="ends" select="$fs/field[@name = 'session_end']/value"/>
    <xsl:variable name="count" select="count($fs/field[@name = 'session_date']/value)"/>
    <xsl:for-each select="$fs/field[@name = 'session_date']/value">
      <xsl:variable name="n" select="position()"/>
      <xsl:variable name="id" select="concat($fs/@name, '-session-', $n)"/>
      <xsl:variable name="f" select="$fs/field[@name = concat('session-', $n)]"/>
      <fieldset class="row-fields" id="session-{$n}">
        <xsl:if test="$f/@error"><xsl:attribute name="class">row-fields field-invalid</xsl:attribute></xsl:if>
        <legend><xsl:value-of select="concat(kt:msg('listing.session'), ' ', $n)"/></legend>
        <xsl:call-template name="row-error"><xsl:with-param name="id" select="$id"/><xsl:with-param name="f" select="$f"/></xsl:call-template>
        <div class="row-controls">
          <div>
            <label for="{$id}"><xsl:value-of select="kt:msg('listing.session.date')"/></label>
            <input id="{$id}" name="session_date" type="text" class="input-short" autocomplete="off" value="{.}">
              <xsl:call-template name="row-aria"><xsl:with-param name="id" select="$id"/><xsl:with-param name="f" select="$f"/></xsl:call-template>
              <xsl:call-template name="row-focus">
                <xsl:with-param name="fs" select="$fs"/><xsl:with-param name="kind" select="'session'"/>
                <xsl:with-param name="n" select="$n"/><xsl:with-param name="count" select="$count"/>
              </xsl:call-template>
            </input>
          </div>
          <div>
            <label for="{$id}-start"><xsl:value-of select="kt:msg('listing.row.start')"/></label>
            <input id="{$id}-start" name="session_start" type="text" class="input-short" inputmode="numeric"
                   autocomplete="off" value="{$starts[$n]}">
              <xsl:call-template name="row-aria"><xsl:with-param name="id" select="$id"/><xsl:with-param name="f" select="$f"/></xsl:call-template>
            </input>
          </div>
          <div>
            <label for="{$id}-end"><xsl:value-of select="kt:msg('listing.row.end')"/></label>
            <input id="{$id}-end" name="session_end" type="text" class="input-short" inputmode="numeric"
                   autocomplete="off" value="{$ends[$n]}">
              <xsl:call-template name="row-aria"><xsl:with-param name="id" select="$id"/><xsl:with-param name="f" select="$f"/></xsl:call-template>
            </input>
          </div>
          <xsl:call-template name="row-remove">
            <xsl:with-param name="fs" select="$fs"/><xsl:with-param name="kind" select="'session'"/>
            <xsl:with-param name="n" select="$n"/><xsl:with-param name="count" select="$count"/>
            <xsl:with-param name="label" select="kt:msg('listing.session')"/>
          </xsl:call-template>
        </div>
      </fieldset>
    </xsl:for-each>
  </xsl:template>

  <!-- The listing rules, each confirmed with a box of its own on submitting. -->
  <xsl:template name="rules-fieldset">
    <xsl:param name="fs"/>
    <fieldset class="rules">
      <legend><xsl:value-of select="kt:msg('listing.rules.legend')"/></legend>
      <xsl:for-each select="$listing-rules">
        <xsl:call-template name="field-checkbox">
          <xsl:with-param name="fs" select="$fs"/>
          <xsl:with-param name="name" select="concat('rule_', @name)"/>
          <xsl:with-param name="label" select="kt:msg(concat('rule.', @name))"/>
        </xsl:call-template>
      </xsl:for-each>
    </fieldset>
  </xsl:template>

  <!-- ==== listing tables ======================================================== -->

  <!-- Every row of a listing (or, with only-changed, the changed ones), one
       or two columns; a changed row is marked in words, not by colour alone. -->
  <xsl:template name="listing-table">
    <xsl:param name="left" select="/.."/>
    <xsl:param name="right"/>
    <xsl:param name="left-label"/>
    <xsl:param name="right-label" select="kt:msg('listing.value')"/>
    <xsl:param name="changes" select="/.."/>
    <xsl:param name="only-changed" select="false()"/>
    <xsl:param name="caption"/>
    <div class="table-wrap">
      <table class="table listing-table">
        <caption class="visually-hidden"><xsl:value-of select="$caption"/></caption>
        <thead>
          <tr>
            <th scope="col"><xsl:value-of select="kt:msg('listing.field')"/></th>
            <xsl:if test="$left">
              <th scope="col"><xsl:value-of select="$left-label"/></th>
            </xsl:if>
            <th scope="col"><xsl:value-of select="$right-label"/></th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="$listing-rows">
            <xsl:variable name="row" select="@name"/>
            <xsl:variable name="changed" select="$changes[@row = $row]"/>
            <xsl:if test="not($only-changed) or $changed">
              <tr>
                <xsl:if test="$changed"><xsl:attribute name="class">changed</xsl:attribute></xsl:if>
                <th scope="row">
                  <xsl:value-of select="kt:msg(concat('listing.row.', $row))"/>
                  <xsl:if test="$changed">
                    <br/><span class="badge"><xsl:value-of select="kt:msg('listing.changed')"/></span>
                  </xsl:if>
                </th>
                <xsl:if test="$left">
                  <td>
                    <xsl:call-template name="listing-value">
                      <xsl:with-param name="l" select="$left"/>
                      <xsl:with-param name="row" select="$row"/>
                    </xsl:call-template>
                  </td>
                </xsl:if>
                <td>
                  <xsl:choose>
                    <xsl:when test="$changed/words">
                      <xsl:apply-templates select="$changed/words"/>
                    </xsl:when>
                    <xsl:otherwise>
                      <xsl:call-template name="listing-value">
                        <xsl:with-param name="l" select="$right"/>
                        <xsl:with-param name="row" select="$row"/>
                      </xsl:call-template>
                    </xsl:otherwise>
                  </xsl:choose>
                </td>
              </tr>
            </xsl:if>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <!-- A text's changes word by word (kt_worddiff.h): removed words struck
       through, added ones underlined, and said in words for screen readers,
       not by colour or line alone.  The text keeps its line breaks. -->
  <xsl:template match="words">
    <xsl:variable name="l" select="substring-after(../@row, '_')"/>
    <div class="word-diff">
      <xsl:if test="$l = 'fi' or $l = 'sv' or $l = 'en'">
        <xsl:attribute name="lang"><xsl:value-of select="$l"/></xsl:attribute>
      </xsl:if>
      <xsl:for-each select="*">
        <xsl:choose>
          <xsl:when test="self::del">
            <del>
              <span class="visually-hidden" lang="{$lang}"><xsl:value-of select="concat('[', kt:msg('diff.removed'), ' ')"/></span>
              <xsl:value-of select="."/>
              <span class="visually-hidden" lang="{$lang}">]</span>
            </del>
          </xsl:when>
          <xsl:when test="self::ins">
            <ins>
              <span class="visually-hidden" lang="{$lang}"><xsl:value-of select="concat('[', kt:msg('diff.added'), ' ')"/></span>
              <xsl:value-of select="."/>
              <span class="visually-hidden" lang="{$lang}">]</span>
            </ins>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </div>
  </xsl:template>

  <xsl:template name="names-of">
    <xsl:param name="values"/>
    <xsl:param name="for"/>
    <xsl:for-each select="$values">
      <xsl:variable name="code" select="string(.)"/>
      <xsl:if test="position() &gt; 1">, </xsl:if>
      <xsl:choose>
        <xsl:when test="$page/options[@for = $for]/option[@value = $code]">
          <xsl:value-of select="normalize-space($page/options[@for = $for]/option[@value = $code])"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$code"/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- A row's times as the page's language writes them (17.00–19.00), or as
       typed when they do not parse. -->
  <xsl:template name="row-times">
    <xsl:choose>
      <xsl:when test="string-length(@start) = 5 and substring(@start, 3, 1) = ':'
                      and (not(normalize-space(@end)) or (string-length(@end) = 5 and substring(@end, 3, 1) = ':'))">
        <xsl:call-template name="time-range">
          <xsl:with-param name="start" select="@start"/>
          <xsl:with-param name="end" select="@end"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="@start"/>
        <xsl:if test="normalize-space(@end)"><xsl:value-of select="concat('–', @end)"/></xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One row of listing l as text. -->
  <xsl:template name="listing-value">
    <xsl:param name="l"/>
    <xsl:param name="row"/>
    <xsl:variable name="v" select="$l/field[@name = $row]"/>
    <xsl:variable name="text">
      <xsl:choose>
        <xsl:when test="starts-with($row, 'title_') or starts-with($row, 'description_') or starts-with($row, 'accessibility_')">
          <xsl:if test="normalize-space($v/@value)">
            <div lang="{substring-after($row, '_')}" class="lang-labelled">
              <xsl:call-template name="paragraphs">
                <xsl:with-param name="s" select="string($v/@value)"/>
              </xsl:call-template>
            </div>
          </xsl:if>
        </xsl:when>
        <xsl:when test="$row = 'forms' or $row = 'themes' or $row = 'targets' or $row = 'languages'">
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
          <xsl:if test="$l/field[@name = 'online']/@value = 'yes'">
            <br/><xsl:value-of select="kt:msg('place.online')"/>
          </xsl:if>
          <xsl:if test="$l/field[@name = 'nationwide']/@value = 'yes'">
            <br/><xsl:value-of select="kt:msg('place.nationwide')"/>
          </xsl:if>
        </xsl:when>
        <xsl:when test="$row = 'address'">
          <xsl:value-of select="$l/field[@name = 'street_address']/@value"/>
          <xsl:if test="normalize-space(concat($l/field[@name = 'postal_code']/@value, $l/field[@name = 'post_office']/@value))">
            <br/>
            <xsl:value-of select="normalize-space(concat($l/field[@name = 'postal_code']/@value, ' ', $l/field[@name = 'post_office']/@value))"/>
          </xsl:if>
        </xsl:when>
        <xsl:when test="$row = 'period'">
          <xsl:if test="normalize-space($l/field[@name = 'start_date']/@value)">
            <xsl:call-template name="date-text"><xsl:with-param name="date" select="$l/field[@name = 'start_date']/@value"/></xsl:call-template>
          </xsl:if>
          <xsl:if test="normalize-space(concat($l/field[@name = 'start_date']/@value, $l/field[@name = 'end_date']/@value))">
            <xsl:text> – </xsl:text>
          </xsl:if>
          <xsl:if test="normalize-space($l/field[@name = 'end_date']/@value)">
            <xsl:call-template name="date-text"><xsl:with-param name="date" select="$l/field[@name = 'end_date']/@value"/></xsl:call-template>
          </xsl:if>
        </xsl:when>
        <xsl:when test="$row = 'schedule'">
          <xsl:for-each select="$v/row">
            <xsl:if test="position() &gt; 1"><br/></xsl:if>
            <xsl:if test="number(@weekday) &gt;= 1 and number(@weekday) &lt;= 7">
              <xsl:call-template name="weekday-name"><xsl:with-param name="n" select="@weekday"/></xsl:call-template>
              <xsl:text> </xsl:text>
            </xsl:if>
            <xsl:call-template name="row-times"/>
          </xsl:for-each>
        </xsl:when>
        <xsl:when test="$row = 'sessions'">
          <xsl:for-each select="$v/row">
            <xsl:if test="position() &gt; 1"><br/></xsl:if>
            <xsl:call-template name="date-text"><xsl:with-param name="date" select="@date"/></xsl:call-template>
            <xsl:text> </xsl:text>
            <xsl:call-template name="row-times"/>
          </xsl:for-each>
        </xsl:when>
        <xsl:when test="$row = 'price'">
          <xsl:choose>
            <xsl:when test="$l/field[@name = 'price']/@value = 'fee'">
              <xsl:call-template name="euros"><xsl:with-param name="amount" select="$l/field[@name = 'price_amount']/@value"/></xsl:call-template>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="kt:msg('price.free')"/></xsl:otherwise>
          </xsl:choose>
        </xsl:when>
        <xsl:when test="$row = 'registration'">
          <xsl:choose>
            <xsl:when test="$l/field[@name = 'registration']/@value = 'required'"><xsl:value-of select="kt:msg('registration.required')"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="kt:msg('registration.drop-in')"/></xsl:otherwise>
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
