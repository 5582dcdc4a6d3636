<?xml version="1.0" encoding="UTF-8"?>
<!--
  The network's editor and its review (the engine's pages, src/kt_editor.c and
  src/kt_review.c, for the kind "network"): the page types of listing.xsl
  (listing-new, listing-edit, listing-archive) and moderation.xsl
  (moderation-network) with what is the network's own: its form, the rows of its
  comparison table and how each row reads (kt_network_xml, src/lib/kt_network.c),
  and on the editor's page its member organisations (<network-members>,
  kt_networks_members_xml in src/kt_networks.c).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:kt="urn:kotoutuminen:xslt"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="kt exsl">

  <xsl:import href="moderation.xsl"/>

  <!-- The rows of a network's table, in display order (kt_network_rows). -->
  <xsl:variable name="listing-rows-rtf">
    <row name="title_fi"/><row name="title_sv"/><row name="title_en"/>
    <row name="description_fi"/><row name="description_sv"/><row name="description_en"/>
    <row name="activities_fi"/><row name="activities_sv"/><row name="activities_en"/>
    <row name="resources_fi"/><row name="resources_sv"/><row name="resources_en"/>
    <row name="benefits_fi"/><row name="benefits_sv"/><row name="benefits_en"/>
    <row name="evaluation_fi"/><row name="evaluation_sv"/><row name="evaluation_en"/>
    <row name="area"/><row name="audiences"/><row name="contact"/><row name="url"/>
  </xsl:variable>
  <xsl:variable name="listing-rows" select="exsl:node-set($listing-rows-rtf)/row"/>

  <!-- The editor's page, then the network's member organisations. -->
  <xsl:template match="page[@type = 'listing-edit']" mode="main">
    <xsl:apply-imports/>
    <xsl:apply-templates select="network-members"/>
  </xsl:template>

  <xsl:template name="listing-form">
    <xsl:param name="fs"/>
    <xsl:variable name="areas">
      <option value="region"><xsl:value-of select="kt:msg('network.area.region')"/></option>
      <option value="municipalities"><xsl:value-of select="kt:msg('network.area.municipalities')"/></option>
      <option value="national"><xsl:value-of select="kt:msg('network.area.national')"/></option>
    </xsl:variable>
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
          <xsl:with-param name="label" select="kt:msg('network.field.organisation')"/>
          <xsl:with-param name="hint" select="kt:msg('network.field.organisation.hint')"/>
          <xsl:with-param name="required" select="true()"/>
        </xsl:call-template>
      </xsl:if>

      <h2><xsl:value-of select="kt:msg('listing.section.texts')"/></h2>
      <p class="hint"><xsl:value-of select="kt:msg('network.section.texts.hint')"/></p>
      <xsl:call-template name="network-texts"><xsl:with-param name="fs" select="$fs"/><xsl:with-param name="l" select="'fi'"/></xsl:call-template>
      <xsl:call-template name="network-texts"><xsl:with-param name="fs" select="$fs"/><xsl:with-param name="l" select="'sv'"/></xsl:call-template>
      <xsl:call-template name="network-texts"><xsl:with-param name="fs" select="$fs"/><xsl:with-param name="l" select="'en'"/></xsl:call-template>

      <h2><xsl:value-of select="kt:msg('network.section.who')"/></h2>
      <xsl:call-template name="field-checkboxes">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'audiences'"/>
        <xsl:with-param name="legend" select="kt:msg('network.field.audiences')"/>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>

      <h2><xsl:value-of select="kt:msg('network.section.area')"/></h2>
      <xsl:call-template name="field-radios">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'area'"/>
        <xsl:with-param name="legend" select="kt:msg('network.field.area')"/>
        <xsl:with-param name="options" select="exsl:node-set($areas)/option"/>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="field-select">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'region'"/>
        <xsl:with-param name="label" select="kt:msg('network.field.region')"/>
        <xsl:with-param name="hint" select="kt:msg('network.field.region.hint')"/>
      </xsl:call-template>
      <xsl:call-template name="municipalities-select"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>

      <h2><xsl:value-of select="kt:msg('network.section.contact')"/></h2>
      <p class="hint"><xsl:value-of select="kt:msg('network.section.contact.hint')"/></p>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'contact_name'"/>
        <xsl:with-param name="label" select="kt:msg('listing.field.contact_name')"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'contact_email'"/>
        <xsl:with-param name="label" select="kt:msg('listing.field.contact_email')"/>
        <xsl:with-param name="inputmode" select="'email'"/>
        <xsl:with-param name="required" select="true()"/>
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
        <xsl:with-param name="label" select="kt:msg('network.field.url')"/>
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
      <p><xsl:value-of select="kt:msg('network.section.submit.intro')"/></p>
      <xsl:call-template name="rules-fieldset"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
      <xsl:call-template name="form-submit">
        <xsl:with-param name="text" select="kt:msg('listing.submit')"/>
        <xsl:with-param name="name" select="'action'"/>
        <xsl:with-param name="value" select="'submit'"/>
      </xsl:call-template>
    </form>
  </xsl:template>

  <!-- The name, the description and the lists in one content language. -->
  <xsl:template name="network-texts">
    <xsl:param name="fs"/>
    <xsl:param name="l"/>
    <fieldset class="language-texts">
      <legend><xsl:value-of select="kt:msg(concat('listing.in.', $l))"/></legend>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="concat('title_', $l)"/>
        <xsl:with-param name="label" select="kt:msg(concat('network.field.title.', $l))"/>
        <xsl:with-param name="content-lang" select="$l"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="field-textarea">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="concat('description_', $l)"/>
        <xsl:with-param name="label" select="kt:msg(concat('network.field.description.', $l))"/>
        <xsl:with-param name="hint" select="kt:msg('network.field.description.hint')"/>
        <xsl:with-param name="content-lang" select="$l"/>
        <xsl:with-param name="rows" select="6"/>
      </xsl:call-template>
      <xsl:for-each select="exsl:node-set($network-lists-rtf)/list">
        <xsl:call-template name="field-textarea">
          <xsl:with-param name="fs" select="$fs"/>
          <xsl:with-param name="name" select="concat(@name, '_', $l)"/>
          <xsl:with-param name="label" select="kt:msg(concat('network.field.', @name, '.', $l))"/>
          <xsl:with-param name="hint" select="kt:msg('network.field.list.hint')"/>
          <xsl:with-param name="content-lang" select="$l"/>
          <xsl:with-param name="rows" select="5"/>
        </xsl:call-template>
      </xsl:for-each>
    </fieldset>
  </xsl:template>

  <xsl:variable name="network-lists-rtf">
    <list name="activities"/><list name="resources"/><list name="benefits"/><list name="evaluation"/>
  </xsl:variable>

  <!-- The municipalities of an area: a list box of several choices, grouped
       by region. -->
  <xsl:template name="municipalities-select">
    <xsl:param name="fs"/>
    <xsl:variable name="id" select="concat($fs/@name, '-municipalities')"/>
    <xsl:variable name="f" select="$fs/field[@name = 'municipalities']"/>
    <xsl:variable name="hint" select="kt:msg('network.field.municipalities.hint')"/>
    <div>
      <xsl:call-template name="field-class"><xsl:with-param name="f" select="$f"/></xsl:call-template>
      <xsl:call-template name="field-label">
        <xsl:with-param name="id" select="$id"/>
        <xsl:with-param name="label" select="kt:msg('network.field.municipalities')"/>
        <xsl:with-param name="required" select="false()"/>
      </xsl:call-template>
      <xsl:call-template name="field-notes">
        <xsl:with-param name="id" select="$id"/>
        <xsl:with-param name="hint" select="$hint"/>
        <xsl:with-param name="f" select="$f"/>
      </xsl:call-template>
      <select id="{$id}" name="municipalities" multiple="multiple" size="8">
        <xsl:call-template name="field-aria">
          <xsl:with-param name="id" select="$id"/>
          <xsl:with-param name="hint" select="$hint"/>
          <xsl:with-param name="f" select="$f"/>
          <xsl:with-param name="required" select="false()"/>
        </xsl:call-template>
        <xsl:for-each select="/page/options[@for = 'region']/option">
          <xsl:variable name="region" select="string(@value)"/>
          <optgroup label="{normalize-space(.)}">
            <xsl:for-each select="/page/options[@for = 'municipalities']/option[@group = $region]">
              <option value="{@value}">
                <xsl:if test="$f/value[string(.) = string(current()/@value)]">
                  <xsl:attribute name="selected">selected</xsl:attribute>
                </xsl:if>
                <xsl:value-of select="normalize-space(.)"/>
              </option>
            </xsl:for-each>
          </optgroup>
        </xsl:for-each>
      </select>
    </div>
  </xsl:template>

  <!-- One row of network l as text. -->
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
        <xsl:when test="$v/value and $row != 'audiences'">
          <ul lang="{substring-after($row, '_')}" class="lang-labelled">
            <xsl:for-each select="$v/value"><li><xsl:value-of select="."/></li></xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:when test="$row = 'audiences'">
          <xsl:call-template name="names-of">
            <xsl:with-param name="values" select="$v/value"/>
            <xsl:with-param name="for" select="'audiences'"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="$row = 'area'">
          <xsl:variable name="area" select="$l/field[@name = 'area']/@value"/>
          <xsl:if test="normalize-space($area)">
            <xsl:value-of select="kt:msg(concat('network.area.', $area))"/>
          </xsl:if>
          <xsl:if test="normalize-space($l/field[@name = 'region']/@value)">
            <xsl:text>: </xsl:text>
            <xsl:call-template name="names-of">
              <xsl:with-param name="values" select="$l/field[@name = 'region']/@value"/>
              <xsl:with-param name="for" select="'region'"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:if test="$l/field[@name = 'municipalities']/value">
            <xsl:text>: </xsl:text>
            <xsl:call-template name="names-of">
              <xsl:with-param name="values" select="$l/field[@name = 'municipalities']/value"/>
              <xsl:with-param name="for" select="'municipalities'"/>
            </xsl:call-template>
          </xsl:if>
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

  <!-- ==== member organisations (the coordinator's side) ==================== -->

  <xsl:template match="network-members">
    <xsl:variable name="nm" select="."/>
    <section aria-labelledby="members-heading" id="members">
      <h2 id="members-heading"><xsl:value-of select="kt:msg('network.members')"/></h2>
      <xsl:for-each select="notice">
        <p class="notice" role="status"><xsl:value-of select="kt:msg(concat('notice.', @code))"/></p>
      </xsl:for-each>
      <p><xsl:value-of select="kt:msg('network.members.intro')"/></p>
      <xsl:if test="member[@status = 'pending']">
        <h3><xsl:value-of select="kt:msg('network.members.requests')"/></h3>
        <ul class="member-rows">
          <xsl:for-each select="member[@status = 'pending']">
            <li>
              <xsl:value-of select="normalize-space(name)"/>
              <span class="meta">
                <xsl:value-of select="concat(' – ', kt:msg('network.members.asked'), ' ')"/>
                <xsl:call-template name="date"><xsl:with-param name="date" select="substring(@requested, 1, 10)"/></xsl:call-template>
              </span>
              <xsl:if test="$nm/@archived != 'true'">
                <xsl:call-template name="member-button">
                  <xsl:with-param name="nm" select="$nm"/>
                  <xsl:with-param name="action" select="'approve'"/>
                </xsl:call-template>
              </xsl:if>
              <xsl:call-template name="member-button">
                <xsl:with-param name="nm" select="$nm"/>
                <xsl:with-param name="action" select="'decline'"/>
              </xsl:call-template>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:if>
      <h3><xsl:value-of select="kt:msg('network.members.current')"/></h3>
      <xsl:choose>
        <xsl:when test="member[@status = 'active']">
          <ul class="member-rows">
            <xsl:for-each select="member[@status = 'active']">
              <li>
                <xsl:value-of select="normalize-space(name)"/>
                <xsl:call-template name="member-button">
                  <xsl:with-param name="nm" select="$nm"/>
                  <xsl:with-param name="action" select="'remove'"/>
                </xsl:call-template>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise><p class="empty"><xsl:value-of select="kt:msg('network.members.none')"/></p></xsl:otherwise>
      </xsl:choose>
      <xsl:if test="candidates/option">
        <form method="post" action="{@action}" novalidate="novalidate">
          <input type="hidden" name="csrf" value="{@csrf}"/>
          <input type="hidden" name="action" value="add"/>
          <div class="field">
            <label for="members-organisation"><xsl:value-of select="kt:msg('network.members.add.label')"/></label>
            <select id="members-organisation" name="organisation">
              <xsl:for-each select="candidates/option">
                <option value="{@value}"><xsl:value-of select="normalize-space(.)"/></option>
              </xsl:for-each>
            </select>
          </div>
          <p class="actions"><button type="submit"><xsl:value-of select="kt:msg('network.members.add')"/></button></p>
        </form>
      </xsl:if>
    </section>
  </xsl:template>

  <xsl:template name="member-button">
    <xsl:param name="nm"/>
    <xsl:param name="action"/>
    <form method="post" action="{$nm/@action}" class="inline-form">
      <input type="hidden" name="csrf" value="{$nm/@csrf}"/>
      <input type="hidden" name="organisation" value="{@organisation-id}"/>
      <button type="submit" name="action" value="{$action}" class="button button-secondary">
        <xsl:value-of select="kt:msg(concat('network.members.', $action))"/>
        <span class="visually-hidden"><xsl:value-of select="concat(': ', normalize-space(name))"/></span>
      </button>
    </form>
  </xsl:template>

</xsl:stylesheet>
