<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared form templates, included by layout.xsl so that every page
  stylesheet has them.  Input: a <form-state> (HACKING.md, "Forms"):

    <form-state name="register" action="/fi/register" csrf="…" errors="1">
      <field name="email" value="…" error="email.invalid"/>
      <form-error code="login.failed"/>
    </form-state>

  and, for select lists and radio groups, <options for="NAME"><option
  value="…">label</option>…</options> anywhere under /page.

  A field's id is FORM-NAME (the form's name, a hyphen, the field's name):
  the error summary links to it, its hint is FORM-NAME-hint and its message
  FORM-NAME-error, both tied to the control with aria-describedby.  Error
  texts are kt:msg('form.error.' + code): sentences that name the field, so
  that the summary can list them on their own.  Forms are posted without
  JavaScript; novalidate keeps the browser's own bubbles away so that every
  error comes from the server, in the page's language, in the same place.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:kt="urn:kotoutuminen:xslt"
    exclude-result-prefixes="kt">

  <!-- The summary at the top of a form: a heading and a link to each wrong
       field, plus the messages about the form as a whole. -->
  <xsl:template name="form-errors">
    <xsl:param name="fs"/>
    <xsl:if test="number($fs/@errors) &gt; 0">
      <div class="error-summary" role="alert" tabindex="-1"
           aria-labelledby="{$fs/@name}-errors-heading">
        <h2 id="{$fs/@name}-errors-heading"><xsl:value-of select="kt:msg('form.errors.heading')"/></h2>
        <ul>
          <xsl:for-each select="$fs/form-error">
            <li><xsl:value-of select="kt:msg(concat('form.error.', @code))"/></li>
          </xsl:for-each>
          <xsl:for-each select="$fs/field[@error]">
            <li>
              <a href="#{$fs/@name}-{@name}">
                <xsl:value-of select="kt:msg(concat('form.error.', @error))"/>
              </a>
            </li>
          </xsl:for-each>
        </ul>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- The token every POST carries (kt_csrf.h).  Never in a GET form: it
       would end up in URLs and logs. -->
  <xsl:template name="form-csrf">
    <xsl:param name="fs"/>
    <input type="hidden" name="csrf" value="{$fs/@csrf}"/>
  </xsl:template>

  <xsl:template name="form-hidden">
    <xsl:param name="name"/>
    <xsl:param name="value"/>
    <input type="hidden" name="{$name}" value="{$value}"/>
  </xsl:template>

  <!-- What a label says of the field's need (issue 14): nothing when it is
       required (or, with grouped, when it is one of a group whose hint says
       what the group needs), the marker given (a condition: "required for
       registered associations"), "needed to publish" for a field a draft may
       leave empty, else "(optional)".  Forms with publish markers explain
       them in a line of their own. -->
  <xsl:template name="field-marker">
    <xsl:param name="required"/>
    <xsl:param name="publish" select="false()"/>
    <xsl:param name="marker"/>
    <xsl:param name="grouped" select="false()"/>
    <xsl:choose>
      <xsl:when test="$required or $grouped"/>
      <xsl:when test="string($marker)">
        <xsl:text> </xsl:text>
        <span class="optional"><xsl:value-of select="$marker"/></span>
      </xsl:when>
      <xsl:when test="$publish">
        <xsl:text> </xsl:text>
        <span class="publish-marker"><xsl:value-of select="kt:msg('form.publish')"/></span>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text> </xsl:text>
        <span class="optional"><xsl:value-of select="kt:msg('form.optional')"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="field-label">
    <xsl:param name="id"/>
    <xsl:param name="label"/>
    <xsl:param name="required"/>
    <xsl:param name="publish" select="false()"/>
    <xsl:param name="marker"/>
    <xsl:param name="grouped" select="false()"/>
    <label for="{$id}">
      <xsl:value-of select="$label"/>
      <xsl:call-template name="field-marker">
        <xsl:with-param name="required" select="$required"/>
        <xsl:with-param name="publish" select="$publish"/>
        <xsl:with-param name="marker" select="$marker"/>
        <xsl:with-param name="grouped" select="$grouped"/>
      </xsl:call-template>
    </label>
  </xsl:template>

  <!-- Hint and error message of a field, before its control. -->
  <xsl:template name="field-notes">
    <xsl:param name="id"/>
    <xsl:param name="hint"/>
    <xsl:param name="f"/>
    <xsl:if test="string($hint)">
      <p class="hint" id="{$id}-hint"><xsl:value-of select="$hint"/></p>
    </xsl:if>
    <xsl:if test="$f/@error">
      <p class="field-error" id="{$id}-error">
        <span class="visually-hidden"><xsl:value-of select="kt:msg('form.error.prefix')"/><xsl:text> </xsl:text></span>
        <xsl:value-of select="kt:msg(concat('form.error.', $f/@error))"/>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- Attributes every control gets: state for assistive technology. -->
  <xsl:template name="field-aria">
    <xsl:param name="id"/>
    <xsl:param name="hint"/>
    <xsl:param name="f"/>
    <xsl:param name="required"/>
    <xsl:param name="group" select="false()"/>
    <xsl:variable name="described">
      <xsl:if test="string($hint)"><xsl:value-of select="concat($id, '-hint')"/></xsl:if>
      <xsl:if test="string($hint) and $f/@error"><xsl:text> </xsl:text></xsl:if>
      <xsl:if test="$f/@error"><xsl:value-of select="concat($id, '-error')"/></xsl:if>
    </xsl:variable>
    <xsl:if test="string($described)">
      <xsl:attribute name="aria-describedby"><xsl:value-of select="$described"/></xsl:attribute>
    </xsl:if>
    <!-- a fieldset (group) may not carry aria-invalid -->
    <xsl:if test="$f/@error and not($group)">
      <xsl:attribute name="aria-invalid">true</xsl:attribute>
    </xsl:if>
    <xsl:if test="$required">
      <xsl:attribute name="required">required</xsl:attribute>
    </xsl:if>
  </xsl:template>

  <xsl:template name="field-class">
    <xsl:param name="f"/>
    <xsl:choose>
      <xsl:when test="$f/@error"><xsl:attribute name="class">field field-invalid</xsl:attribute></xsl:when>
      <xsl:otherwise><xsl:attribute name="class">field</xsl:attribute></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A one-line input.  keep-value false for passwords: what was typed is
       never sent back. -->
  <xsl:template name="field-input">
    <xsl:param name="fs"/>
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="type" select="'text'"/>
    <xsl:param name="hint"/>
    <xsl:param name="required" select="false()"/>
    <xsl:param name="publish" select="false()"/>
    <xsl:param name="marker"/>
    <xsl:param name="grouped" select="false()"/>
    <xsl:param name="autocomplete"/>
    <xsl:param name="inputmode"/>
    <xsl:param name="size" select="'wide'"/>
    <xsl:param name="keep-value" select="true()"/>
    <!-- the language of what is typed, when it is not the page's -->
    <xsl:param name="content-lang"/>
    <xsl:variable name="id" select="concat($fs/@name, '-', $name)"/>
    <xsl:variable name="f" select="$fs/field[@name = $name]"/>
    <div>
      <xsl:call-template name="field-class"><xsl:with-param name="f" select="$f"/></xsl:call-template>
      <xsl:call-template name="field-label">
        <xsl:with-param name="id" select="$id"/>
        <xsl:with-param name="label" select="$label"/>
        <xsl:with-param name="required" select="$required"/>
        <xsl:with-param name="publish" select="$publish"/>
        <xsl:with-param name="marker" select="$marker"/>
        <xsl:with-param name="grouped" select="$grouped"/>
      </xsl:call-template>
      <xsl:call-template name="field-notes">
        <xsl:with-param name="id" select="$id"/>
        <xsl:with-param name="hint" select="$hint"/>
        <xsl:with-param name="f" select="$f"/>
      </xsl:call-template>
      <input id="{$id}" name="{$name}" type="{$type}" class="input-{$size}">
        <xsl:if test="$keep-value and $f/@value">
          <xsl:attribute name="value"><xsl:value-of select="$f/@value"/></xsl:attribute>
        </xsl:if>
        <xsl:if test="string($autocomplete)">
          <xsl:attribute name="autocomplete"><xsl:value-of select="$autocomplete"/></xsl:attribute>
        </xsl:if>
        <xsl:if test="string($inputmode)">
          <xsl:attribute name="inputmode"><xsl:value-of select="$inputmode"/></xsl:attribute>
        </xsl:if>
        <xsl:if test="string($content-lang)">
          <xsl:attribute name="lang"><xsl:value-of select="$content-lang"/></xsl:attribute>
        </xsl:if>
        <xsl:if test="$type = 'email' or $type = 'url' or $type = 'password'">
          <xsl:attribute name="spellcheck">false</xsl:attribute>
        </xsl:if>
        <xsl:call-template name="field-aria">
          <xsl:with-param name="id" select="$id"/>
          <xsl:with-param name="hint" select="$hint"/>
          <xsl:with-param name="f" select="$f"/>
          <xsl:with-param name="required" select="$required"/>
        </xsl:call-template>
      </input>
    </div>
  </xsl:template>

  <xsl:template name="field-textarea">
    <xsl:param name="fs"/>
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="hint"/>
    <xsl:param name="required" select="false()"/>
    <xsl:param name="publish" select="false()"/>
    <xsl:param name="marker"/>
    <xsl:param name="grouped" select="false()"/>
    <xsl:param name="rows" select="6"/>
    <xsl:param name="content-lang"/>
    <xsl:variable name="id" select="concat($fs/@name, '-', $name)"/>
    <xsl:variable name="f" select="$fs/field[@name = $name]"/>
    <div>
      <xsl:call-template name="field-class"><xsl:with-param name="f" select="$f"/></xsl:call-template>
      <xsl:call-template name="field-label">
        <xsl:with-param name="id" select="$id"/>
        <xsl:with-param name="label" select="$label"/>
        <xsl:with-param name="required" select="$required"/>
        <xsl:with-param name="publish" select="$publish"/>
        <xsl:with-param name="marker" select="$marker"/>
        <xsl:with-param name="grouped" select="$grouped"/>
      </xsl:call-template>
      <xsl:call-template name="field-notes">
        <xsl:with-param name="id" select="$id"/>
        <xsl:with-param name="hint" select="$hint"/>
        <xsl:with-param name="f" select="$f"/>
      </xsl:call-template>
      <textarea id="{$id}" name="{$name}" rows="{$rows}">
        <xsl:if test="string($content-lang)">
          <xsl:attribute name="lang"><xsl:value-of select="$content-lang"/></xsl:attribute>
        </xsl:if>
        <xsl:call-template name="field-aria">
          <xsl:with-param name="id" select="$id"/>
          <xsl:with-param name="hint" select="$hint"/>
          <xsl:with-param name="f" select="$f"/>
          <xsl:with-param name="required" select="$required"/>
        </xsl:call-template>
        <xsl:value-of select="$f/@value"/>
      </textarea>
    </div>
  </xsl:template>

  <!-- A select list of /page/options[@for = name] (or $options), with an
       empty first choice so that nothing is picked for the person. -->
  <xsl:template name="field-select">
    <xsl:param name="fs"/>
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="hint"/>
    <xsl:param name="required" select="false()"/>
    <xsl:param name="publish" select="false()"/>
    <xsl:param name="marker"/>
    <xsl:param name="grouped" select="false()"/>
    <xsl:param name="options" select="/page/options[@for = $name]/option"/>
    <xsl:variable name="id" select="concat($fs/@name, '-', $name)"/>
    <xsl:variable name="f" select="$fs/field[@name = $name]"/>
    <div>
      <xsl:call-template name="field-class"><xsl:with-param name="f" select="$f"/></xsl:call-template>
      <xsl:call-template name="field-label">
        <xsl:with-param name="id" select="$id"/>
        <xsl:with-param name="label" select="$label"/>
        <xsl:with-param name="required" select="$required"/>
        <xsl:with-param name="publish" select="$publish"/>
        <xsl:with-param name="marker" select="$marker"/>
        <xsl:with-param name="grouped" select="$grouped"/>
      </xsl:call-template>
      <xsl:call-template name="field-notes">
        <xsl:with-param name="id" select="$id"/>
        <xsl:with-param name="hint" select="$hint"/>
        <xsl:with-param name="f" select="$f"/>
      </xsl:call-template>
      <select id="{$id}" name="{$name}">
        <xsl:call-template name="field-aria">
          <xsl:with-param name="id" select="$id"/>
          <xsl:with-param name="hint" select="$hint"/>
          <xsl:with-param name="f" select="$f"/>
          <xsl:with-param name="required" select="$required"/>
        </xsl:call-template>
        <option value=""><xsl:value-of select="kt:msg('form.choose')"/></option>
        <xsl:for-each select="$options">
          <option value="{@value}">
            <xsl:if test="string(@value) = string($f/@value)">
              <xsl:attribute name="selected">selected</xsl:attribute>
            </xsl:if>
            <xsl:value-of select="normalize-space(.)"/>
          </option>
        </xsl:for-each>
      </select>
    </div>
  </xsl:template>

  <!-- Radio buttons in a fieldset.  The first one has the field's id, so
       that the error summary's link lands on the group. -->
  <xsl:template name="field-radios">
    <xsl:param name="fs"/>
    <xsl:param name="name"/>
    <xsl:param name="legend"/>
    <xsl:param name="hint"/>
    <xsl:param name="publish" select="false()"/>
    <xsl:param name="options" select="/page/options[@for = $name]/option"/>
    <xsl:variable name="id" select="concat($fs/@name, '-', $name)"/>
    <xsl:variable name="f" select="$fs/field[@name = $name]"/>
    <div>
      <xsl:call-template name="field-class"><xsl:with-param name="f" select="$f"/></xsl:call-template>
      <fieldset>
        <xsl:call-template name="field-aria">
          <xsl:with-param name="id" select="$id"/>
          <xsl:with-param name="hint" select="$hint"/>
          <xsl:with-param name="f" select="$f"/>
          <xsl:with-param name="required" select="false()"/>
          <xsl:with-param name="group" select="true()"/>
        </xsl:call-template>
        <legend>
          <xsl:value-of select="$legend"/>
          <xsl:if test="$publish">
            <xsl:call-template name="field-marker">
              <xsl:with-param name="publish" select="true()"/>
            </xsl:call-template>
          </xsl:if>
        </legend>
        <xsl:call-template name="field-notes">
          <xsl:with-param name="id" select="$id"/>
          <xsl:with-param name="hint" select="$hint"/>
          <xsl:with-param name="f" select="$f"/>
        </xsl:call-template>
        <ul class="choice-list">
          <xsl:for-each select="$options">
            <xsl:variable name="oid">
              <xsl:value-of select="$id"/>
              <xsl:if test="position() &gt; 1">-<xsl:value-of select="@value"/></xsl:if>
            </xsl:variable>
            <li>
              <input type="radio" id="{$oid}" name="{$name}" value="{@value}">
                <xsl:if test="string(@value) = string($f/@value)">
                  <xsl:attribute name="checked">checked</xsl:attribute>
                </xsl:if>
              </input>
              <label for="{$oid}"><xsl:value-of select="normalize-space(.)"/></label>
            </li>
          </xsl:for-each>
        </ul>
      </fieldset>
    </div>
  </xsl:template>

  <!-- A group of checkboxes in a fieldset, one a value of the field (sent
       once for each ticked box).  The first box has the field's id, so that
       the error summary's link lands on the group. -->
  <xsl:template name="field-checkboxes">
    <xsl:param name="fs"/>
    <xsl:param name="name"/>
    <xsl:param name="legend"/>
    <xsl:param name="hint"/>
    <xsl:param name="required" select="false()"/>
    <xsl:param name="publish" select="false()"/>
    <xsl:param name="marker"/>
    <xsl:param name="grouped" select="false()"/>
    <xsl:param name="options" select="/page/options[@for = $name]/option"/>
    <xsl:variable name="id" select="concat($fs/@name, '-', $name)"/>
    <xsl:variable name="f" select="$fs/field[@name = $name]"/>
    <div>
      <xsl:call-template name="field-class"><xsl:with-param name="f" select="$f"/></xsl:call-template>
      <fieldset>
        <xsl:call-template name="field-aria">
          <xsl:with-param name="id" select="$id"/>
          <xsl:with-param name="hint" select="$hint"/>
          <xsl:with-param name="f" select="$f"/>
          <xsl:with-param name="required" select="false()"/>
          <xsl:with-param name="group" select="true()"/>
        </xsl:call-template>
        <legend>
          <xsl:value-of select="$legend"/>
          <xsl:call-template name="field-marker">
            <xsl:with-param name="required" select="$required"/>
            <xsl:with-param name="publish" select="$publish"/>
            <xsl:with-param name="marker" select="$marker"/>
            <xsl:with-param name="grouped" select="$grouped"/>
          </xsl:call-template>
        </legend>
        <xsl:call-template name="field-notes">
          <xsl:with-param name="id" select="$id"/>
          <xsl:with-param name="hint" select="$hint"/>
          <xsl:with-param name="f" select="$f"/>
        </xsl:call-template>
        <ul class="checkbox-list">
          <xsl:for-each select="$options">
            <xsl:variable name="oid">
              <xsl:value-of select="$id"/>
              <xsl:if test="position() &gt; 1">-<xsl:value-of select="@value"/></xsl:if>
            </xsl:variable>
            <li>
              <input type="checkbox" id="{$oid}" name="{$name}" value="{@value}">
                <xsl:if test="$f/value[string(.) = string(current()/@value)]">
                  <xsl:attribute name="checked">checked</xsl:attribute>
                </xsl:if>
              </input>
              <label for="{$oid}"><xsl:value-of select="normalize-space(.)"/></label>
            </li>
          </xsl:for-each>
        </ul>
      </fieldset>
    </div>
  </xsl:template>

  <!-- One checkbox (value "yes"), e.g. accepting the terms. -->
  <xsl:template name="field-checkbox">
    <xsl:param name="fs"/>
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="hint"/>
    <xsl:param name="required" select="false()"/>
    <xsl:param name="publish" select="false()"/>
    <xsl:param name="marker"/>
    <xsl:param name="grouped" select="false()"/>
    <xsl:variable name="id" select="concat($fs/@name, '-', $name)"/>
    <xsl:variable name="f" select="$fs/field[@name = $name]"/>
    <div>
      <xsl:call-template name="field-class"><xsl:with-param name="f" select="$f"/></xsl:call-template>
      <xsl:call-template name="field-notes">
        <xsl:with-param name="id" select="$id"/>
        <xsl:with-param name="hint" select="$hint"/>
        <xsl:with-param name="f" select="$f"/>
      </xsl:call-template>
      <div class="choice">
        <input type="checkbox" id="{$id}" name="{$name}" value="yes">
          <xsl:if test="$f/@value = 'yes'">
            <xsl:attribute name="checked">checked</xsl:attribute>
          </xsl:if>
          <xsl:call-template name="field-aria">
            <xsl:with-param name="id" select="$id"/>
            <xsl:with-param name="hint" select="$hint"/>
            <xsl:with-param name="f" select="$f"/>
            <xsl:with-param name="required" select="$required"/>
          </xsl:call-template>
        </input>
        <label for="{$id}"><xsl:value-of select="$label"/></label>
      </div>
    </div>
  </xsl:template>

  <xsl:template name="form-submit">
    <xsl:param name="text"/>
    <xsl:param name="name"/>
    <xsl:param name="value"/>
    <xsl:param name="class" select="'button'"/>
    <div class="form-actions">
      <button type="submit" class="{$class}">
        <xsl:if test="string($name)">
          <xsl:attribute name="name"><xsl:value-of select="$name"/></xsl:attribute>
          <xsl:attribute name="value"><xsl:value-of select="$value"/></xsl:attribute>
        </xsl:if>
        <xsl:value-of select="$text"/>
      </button>
    </div>
  </xsl:template>

  <!-- A notice after a redirect (<notice code="…"/>): a status message that
       screen readers announce without moving the focus. -->
  <xsl:template name="notice">
    <xsl:for-each select="/page/notice">
      <p class="notice" role="status">
        <xsl:value-of select="kt:msg(concat('notice.', @code))"/>
      </p>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
