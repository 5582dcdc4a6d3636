<?xml version="1.0" encoding="UTF-8"?>
<!--
  One's own account (src/kt_myaccount.c), one template pair per /page/@type.
  Every page has <account email created lang moderator><name/><pending-email/>
  </account> (the signed-in person's own row):
    account                  details and the language of emails: <form-state
                             name="details">; links to the other pages
    account-password         <form-state name="password"> (current_password, password)
    account-email            <form-state name="email"> (email, current_password)
    account-email-confirm    the link from the new address: <new-email>, <form-state
                             name="confirm"> (a button)
    account-email-invalid    that link used, expired or someone else's
    account-delete           <form-state name="delete"> (current_password, confirm);
                             <blocked><organisation id><name/></organisation></blocked>
                             while the person is an organisation's only main user
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:kt="urn:kotoutuminen:xslt"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="kt exsl">

  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:apply-templates select="." mode="heading"/>
  </xsl:template>

  <xsl:template match="page[@type = 'account']" mode="heading">
    <xsl:value-of select="kt:msg('myaccount.heading')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'account-password']" mode="heading">
    <xsl:value-of select="kt:msg('myaccount.password.heading')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'account-email']" mode="heading">
    <xsl:value-of select="kt:msg('myaccount.email.heading')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'account-email-confirm']" mode="heading">
    <xsl:value-of select="kt:msg('myaccount.email.confirm.heading')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'account-email-invalid']" mode="heading">
    <xsl:value-of select="kt:msg('link.invalid.heading')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'account-delete']" mode="heading">
    <xsl:value-of select="kt:msg('myaccount.delete.heading')"/>
  </xsl:template>

  <xsl:template match="page" mode="main">
    <div class="narrow">
      <xsl:if test="@type != 'account'">
        <p class="breadcrumb"><a href="{$home}account"><xsl:value-of select="kt:msg('myaccount.heading')"/></a></p>
      </xsl:if>
      <h1><xsl:apply-templates select="." mode="heading"/></h1>
      <xsl:apply-templates select="." mode="content"/>
    </div>
  </xsl:template>

  <!-- ==== details ======================================================== -->

  <xsl:template match="page[@type = 'account']" mode="content">
    <xsl:variable name="fs" select="form-state[@name = 'details']"/>
    <xsl:variable name="langs">
      <option value="fi"><xsl:value-of select="kt:msg('lang.fi')"/></option>
      <option value="sv"><xsl:value-of select="kt:msg('lang.sv')"/></option>
      <option value="en"><xsl:value-of select="kt:msg('lang.en')"/></option>
    </xsl:variable>
    <xsl:call-template name="notice"/>
    <dl class="facts">
      <xsl:call-template name="fact">
        <xsl:with-param name="label" select="kt:msg('field.email')"/>
        <xsl:with-param name="value" select="string(account/@email)"/>
      </xsl:call-template>
      <xsl:if test="account/pending-email">
        <xsl:call-template name="fact">
          <xsl:with-param name="label" select="kt:msg('myaccount.pending-email')"/>
          <xsl:with-param name="value" select="string(account/pending-email)"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="fact">
        <xsl:with-param name="label" select="kt:msg('myaccount.created')"/>
        <xsl:with-param name="value">
          <xsl:call-template name="date-text"><xsl:with-param name="date" select="account/@created"/></xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
    </dl>
    <ul class="next-steps">
      <li><a href="{$home}account/password"><xsl:value-of select="kt:msg('myaccount.password.heading')"/></a></li>
      <li><a href="{$home}account/email"><xsl:value-of select="kt:msg('myaccount.email.heading')"/></a></li>
      <li><a href="{$home}account/data"><xsl:value-of select="kt:msg('myaccount.data.link')"/></a></li>
      <li><a href="{$home}account/delete"><xsl:value-of select="kt:msg('myaccount.delete.heading')"/></a></li>
    </ul>
    <h2 id="details-heading"><xsl:value-of select="kt:msg('myaccount.details.heading')"/></h2>
    <xsl:call-template name="form-errors"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
    <form method="post" action="{$fs/@action}" novalidate="novalidate" aria-labelledby="details-heading">
      <xsl:call-template name="form-csrf"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'first_name'"/>
        <xsl:with-param name="label" select="kt:msg('field.first_name')"/>
        <xsl:with-param name="autocomplete" select="'given-name'"/>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'last_name'"/>
        <xsl:with-param name="label" select="kt:msg('field.last_name')"/>
        <xsl:with-param name="autocomplete" select="'family-name'"/>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'phone'"/>
        <xsl:with-param name="label" select="kt:msg('field.phone')"/>
        <xsl:with-param name="type" select="'tel'"/>
        <xsl:with-param name="autocomplete" select="'tel'"/>
        <xsl:with-param name="size" select="'medium'"/>
      </xsl:call-template>
      <xsl:call-template name="field-radios">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'lang'"/>
        <xsl:with-param name="legend" select="kt:msg('myaccount.lang')"/>
        <xsl:with-param name="hint" select="kt:msg('myaccount.lang.hint')"/>
        <xsl:with-param name="options" select="exsl:node-set($langs)/option"/>
      </xsl:call-template>
      <xsl:call-template name="form-submit">
        <xsl:with-param name="text" select="kt:msg('myaccount.details.submit')"/>
      </xsl:call-template>
    </form>
  </xsl:template>

  <!-- The current password, asked by every change that matters. -->
  <xsl:template name="current-password">
    <xsl:param name="fs"/>
    <xsl:call-template name="field-input">
      <xsl:with-param name="fs" select="$fs"/>
      <xsl:with-param name="name" select="'current_password'"/>
      <xsl:with-param name="label" select="kt:msg('field.current_password')"/>
      <xsl:with-param name="type" select="'password'"/>
      <xsl:with-param name="autocomplete" select="'current-password'"/>
      <xsl:with-param name="required" select="true()"/>
      <xsl:with-param name="keep-value" select="false()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ==== password ===================================================== -->

  <xsl:template match="page[@type = 'account-password']" mode="content">
    <xsl:variable name="fs" select="form-state[@name = 'password']"/>
    <p class="lead"><xsl:value-of select="kt:msg('myaccount.password.intro')"/></p>
    <xsl:call-template name="form-errors"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
    <form method="post" action="{$fs/@action}" novalidate="novalidate">
      <xsl:call-template name="form-csrf"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
      <xsl:call-template name="current-password"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'password'"/>
        <xsl:with-param name="label" select="kt:msg('newpassword.label')"/>
        <xsl:with-param name="type" select="'password'"/>
        <xsl:with-param name="hint" select="kt:msg('password.hint')"/>
        <xsl:with-param name="autocomplete" select="'new-password'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="keep-value" select="false()"/>
      </xsl:call-template>
      <xsl:call-template name="form-submit">
        <xsl:with-param name="text" select="kt:msg('newpassword.submit')"/>
      </xsl:call-template>
    </form>
  </xsl:template>

  <!-- ==== email address =================================================== -->

  <xsl:template match="page[@type = 'account-email']" mode="content">
    <xsl:variable name="fs" select="form-state[@name = 'email']"/>
    <p class="lead">
      <xsl:value-of select="kt:msg('myaccount.email.current')"/>
      <xsl:text> </xsl:text>
      <strong><xsl:value-of select="account/@email"/></strong>
    </p>
    <p><xsl:value-of select="kt:msg('myaccount.email.intro')"/></p>
    <xsl:call-template name="form-errors"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
    <form method="post" action="{$fs/@action}" novalidate="novalidate">
      <xsl:call-template name="form-csrf"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'email'"/>
        <xsl:with-param name="label" select="kt:msg('myaccount.email.new')"/>
        <xsl:with-param name="type" select="'email'"/>
        <xsl:with-param name="autocomplete" select="'email'"/>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="current-password"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
      <xsl:call-template name="form-submit">
        <xsl:with-param name="text" select="kt:msg('myaccount.email.submit')"/>
      </xsl:call-template>
    </form>
  </xsl:template>

  <xsl:template match="page[@type = 'account-email-confirm']" mode="content">
    <xsl:variable name="fs" select="form-state[@name = 'confirm']"/>
    <p class="lead">
      <xsl:value-of select="kt:msg('myaccount.email.confirm.text')"/>
      <xsl:text> </xsl:text>
      <strong><xsl:value-of select="new-email"/></strong>
    </p>
    <form method="post" action="{$fs/@action}" novalidate="novalidate">
      <xsl:call-template name="form-csrf"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
      <xsl:call-template name="form-submit">
        <xsl:with-param name="text" select="kt:msg('myaccount.email.confirm.submit')"/>
      </xsl:call-template>
    </form>
  </xsl:template>

  <xsl:template match="page[@type = 'account-email-invalid']" mode="content">
    <p class="lead"><xsl:value-of select="kt:msg('myaccount.email.invalid.text')"/></p>
    <p><a href="{$home}account/email"><xsl:value-of select="kt:msg('myaccount.email.heading')"/></a></p>
  </xsl:template>

  <!-- ==== delete ============================================================= -->

  <xsl:template match="page[@type = 'account-delete']" mode="content">
    <xsl:variable name="fs" select="form-state[@name = 'delete']"/>
    <p class="lead"><xsl:value-of select="kt:msg('myaccount.delete.intro')"/></p>
    <ul>
      <li><xsl:value-of select="kt:msg('myaccount.delete.erased')"/></li>
      <li><xsl:value-of select="kt:msg('myaccount.delete.kept')"/></li>
      <li><xsl:value-of select="kt:msg('myaccount.delete.final')"/></li>
    </ul>
    <p>
      <xsl:value-of select="kt:msg('myaccount.delete.data-first')"/>
      <xsl:text> </xsl:text>
      <a href="{$home}account/data"><xsl:value-of select="kt:msg('myaccount.data.link')"/></a>
    </p>
    <xsl:choose>
      <xsl:when test="blocked">
        <xsl:call-template name="form-errors"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
        <div class="callout">
          <p><strong><xsl:value-of select="kt:msg('myaccount.delete.blocked')"/></strong></p>
          <p><xsl:value-of select="kt:msg('myaccount.delete.blocked.text')"/></p>
          <ul>
            <xsl:for-each select="blocked/organisation">
              <li><a href="{$home}manage/organisations/{@id}"><xsl:value-of select="normalize-space(name)"/></a></li>
            </xsl:for-each>
          </ul>
          <p>
            <xsl:value-of select="kt:msg('myaccount.delete.blocked.help')"/>
            <xsl:text> </xsl:text>
            <a href="{$home}contact?topic=account"><xsl:value-of select="kt:msg('contact.heading')"/></a>
          </p>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="form-errors"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
        <form method="post" action="{$fs/@action}" novalidate="novalidate">
          <xsl:call-template name="form-csrf"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
          <xsl:call-template name="current-password"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
          <xsl:call-template name="field-checkbox">
            <xsl:with-param name="fs" select="$fs"/>
            <xsl:with-param name="name" select="'confirm'"/>
            <xsl:with-param name="label" select="kt:msg('myaccount.delete.confirm')"/>
            <xsl:with-param name="required" select="true()"/>
          </xsl:call-template>
          <xsl:call-template name="form-submit">
            <xsl:with-param name="text" select="kt:msg('myaccount.delete.submit')"/>
            <xsl:with-param name="class" select="'button button-danger'"/>
          </xsl:call-template>
        </form>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
