<?xml version="1.0" encoding="UTF-8"?>
<!--
  Account pages (src/kt_account.c), one template pair per /page/@type:
    register, register-sent       create an account; "check your email"
    resend                        send the confirmation link again
    verify, verify-invalid        the emailed confirmation link: the password of
                                  one's own registration confirms (<account-email>)
    login                         sign in (<notice code="password|verified"/>)
    reset-request, reset-sent     ask for a password reset link
    reset-new, reset-invalid      set a new password with the link
  Forms are <form-state> elements (HACKING.md, "Forms"; xslt/forms.xsl).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:kt="urn:kotoutuminen:xslt"
    exclude-result-prefixes="kt">

  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:apply-templates select="." mode="heading"/>
  </xsl:template>

  <xsl:template match="page[@type = 'register']" mode="heading">
    <xsl:value-of select="kt:msg('register.heading')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'register-sent' or @type = 'reset-sent']" mode="heading">
    <xsl:value-of select="kt:msg('sent.heading')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'verify']" mode="heading">
    <xsl:value-of select="kt:msg('verify.heading')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'resend']" mode="heading">
    <xsl:value-of select="kt:msg('resend.heading')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'verify-invalid' or @type = 'reset-invalid']" mode="heading">
    <xsl:value-of select="kt:msg('link.invalid.heading')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'login']" mode="heading">
    <xsl:value-of select="kt:msg('login.heading')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'reset-request']" mode="heading">
    <xsl:value-of select="kt:msg('reset.heading')"/>
  </xsl:template>
  <xsl:template match="page[@type = 'reset-new']" mode="heading">
    <xsl:value-of select="kt:msg('newpassword.heading')"/>
  </xsl:template>

  <xsl:template match="page" mode="main">
    <div class="narrow">
      <h1><xsl:apply-templates select="." mode="heading"/></h1>
      <xsl:apply-templates select="." mode="content"/>
    </div>
  </xsl:template>

  <!-- ==== register ======================================================= -->

  <xsl:template match="page[@type = 'register']" mode="content">
    <xsl:variable name="fs" select="form-state[@name = 'register']"/>
    <p class="lead"><xsl:value-of select="kt:msg('register.intro')"/></p>
    <xsl:call-template name="form-errors"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
    <form method="post" action="{$fs/@action}" novalidate="novalidate">
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
        <xsl:with-param name="name" select="'email'"/>
        <xsl:with-param name="label" select="kt:msg('field.email')"/>
        <xsl:with-param name="type" select="'email'"/>
        <xsl:with-param name="hint" select="kt:msg('register.email.hint')"/>
        <xsl:with-param name="autocomplete" select="'email'"/>
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
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'password'"/>
        <xsl:with-param name="label" select="kt:msg('field.password')"/>
        <xsl:with-param name="type" select="'password'"/>
        <xsl:with-param name="hint" select="kt:msg('password.hint')"/>
        <xsl:with-param name="autocomplete" select="'new-password'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="keep-value" select="false()"/>
      </xsl:call-template>
      <p class="hint">
        <xsl:value-of select="kt:msg('register.terms.read')"/>
        <xsl:text> </xsl:text>
        <a href="{$home}terms"><xsl:value-of select="kt:msg('footer.terms')"/></a>
        <xsl:text>, </xsl:text>
        <a href="{$home}privacy"><xsl:value-of select="kt:msg('footer.privacy')"/></a>
      </p>
      <xsl:call-template name="field-checkbox">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'terms'"/>
        <xsl:with-param name="label" select="kt:msg('register.terms.label')"/>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="form-submit">
        <xsl:with-param name="text" select="kt:msg('register.submit')"/>
      </xsl:call-template>
    </form>
    <p><xsl:value-of select="kt:msg('register.have-account')"/>
      <xsl:text> </xsl:text>
      <a href="{$home}login"><xsl:value-of select="kt:msg('nav.login')"/></a>
    </p>
  </xsl:template>

  <xsl:template match="page[@type = 'register-sent']" mode="content">
    <p class="lead"><xsl:value-of select="kt:msg('register.sent.text')"/></p>
    <p><xsl:value-of select="kt:msg('sent.spam')"/></p>
    <p><a href="{$home}register/resend"><xsl:value-of select="kt:msg('resend.heading')"/></a></p>
  </xsl:template>

  <xsl:template match="page[@type = 'resend']" mode="content">
    <xsl:variable name="fs" select="form-state[@name = 'resend']"/>
    <p class="lead"><xsl:value-of select="kt:msg('resend.intro')"/></p>
    <xsl:call-template name="form-errors"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
    <form method="post" action="{$fs/@action}" novalidate="novalidate">
      <xsl:call-template name="form-csrf"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'email'"/>
        <xsl:with-param name="label" select="kt:msg('field.email')"/>
        <xsl:with-param name="type" select="'email'"/>
        <xsl:with-param name="autocomplete" select="'email'"/>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="form-submit">
        <xsl:with-param name="text" select="kt:msg('resend.submit')"/>
      </xsl:call-template>
    </form>
  </xsl:template>

  <!-- ==== verify ========================================================== -->

  <xsl:template match="page[@type = 'verify']" mode="content">
    <xsl:variable name="fs" select="form-state[@name = 'verify']"/>
    <p class="lead">
      <xsl:value-of select="kt:msg('verify.account')"/>
      <xsl:text> </xsl:text>
      <strong><xsl:value-of select="account-email"/></strong>
    </p>
    <p><xsl:value-of select="kt:msg('verify.text')"/></p>
    <xsl:call-template name="form-errors"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
    <form method="post" action="{$fs/@action}" novalidate="novalidate">
      <xsl:call-template name="form-csrf"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'password'"/>
        <xsl:with-param name="label" select="kt:msg('verify.password')"/>
        <xsl:with-param name="type" select="'password'"/>
        <xsl:with-param name="hint" select="kt:msg('verify.password.hint')"/>
        <xsl:with-param name="autocomplete" select="'current-password'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="keep-value" select="false()"/>
      </xsl:call-template>
      <xsl:call-template name="form-submit">
        <xsl:with-param name="text" select="kt:msg('verify.submit')"/>
      </xsl:call-template>
    </form>
    <p><xsl:value-of select="kt:msg('verify.not-mine')"/></p>
  </xsl:template>

  <xsl:template match="page[@type = 'verify-invalid']" mode="content">
    <p class="lead"><xsl:value-of select="kt:msg('verify.invalid.text')"/></p>
    <ul>
      <li><a href="{$home}login"><xsl:value-of select="kt:msg('nav.login')"/></a></li>
      <li><a href="{$home}register/resend"><xsl:value-of select="kt:msg('resend.heading')"/></a></li>
      <li><a href="{$home}register"><xsl:value-of select="kt:msg('register.heading')"/></a></li>
    </ul>
  </xsl:template>

  <!-- ==== login =========================================================== -->

  <xsl:template match="page[@type = 'login']" mode="content">
    <xsl:variable name="fs" select="form-state[@name = 'login']"/>
    <xsl:call-template name="notice"/>
    <xsl:call-template name="form-errors"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
    <form method="post" action="{$fs/@action}" novalidate="novalidate">
      <xsl:call-template name="form-csrf"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
      <xsl:if test="$fs/field[@name = 'next']/@value">
        <xsl:call-template name="form-hidden">
          <xsl:with-param name="name" select="'next'"/>
          <xsl:with-param name="value" select="$fs/field[@name = 'next']/@value"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'email'"/>
        <xsl:with-param name="label" select="kt:msg('field.email')"/>
        <xsl:with-param name="type" select="'email'"/>
        <xsl:with-param name="autocomplete" select="'username'"/>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'password'"/>
        <xsl:with-param name="label" select="kt:msg('field.password')"/>
        <xsl:with-param name="type" select="'password'"/>
        <xsl:with-param name="autocomplete" select="'current-password'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="keep-value" select="false()"/>
      </xsl:call-template>
      <xsl:call-template name="form-submit">
        <xsl:with-param name="text" select="kt:msg('login.submit')"/>
      </xsl:call-template>
    </form>
    <ul class="next-steps">
      <li><a href="{$home}password-reset"><xsl:value-of select="kt:msg('login.forgot')"/></a></li>
      <li><a href="{$home}register"><xsl:value-of select="kt:msg('login.register')"/></a></li>
      <li><a href="{$home}register/resend"><xsl:value-of select="kt:msg('resend.heading')"/></a></li>
    </ul>
  </xsl:template>

  <!-- ==== password reset ====================================================== -->

  <xsl:template match="page[@type = 'reset-request']" mode="content">
    <xsl:variable name="fs" select="form-state[@name = 'reset']"/>
    <p class="lead"><xsl:value-of select="kt:msg('reset.intro')"/></p>
    <xsl:call-template name="form-errors"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
    <form method="post" action="{$fs/@action}" novalidate="novalidate">
      <xsl:call-template name="form-csrf"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
      <xsl:call-template name="field-input">
        <xsl:with-param name="fs" select="$fs"/>
        <xsl:with-param name="name" select="'email'"/>
        <xsl:with-param name="label" select="kt:msg('field.email')"/>
        <xsl:with-param name="type" select="'email'"/>
        <xsl:with-param name="autocomplete" select="'email'"/>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="form-submit">
        <xsl:with-param name="text" select="kt:msg('reset.submit')"/>
      </xsl:call-template>
    </form>
  </xsl:template>

  <xsl:template match="page[@type = 'reset-sent']" mode="content">
    <p class="lead"><xsl:value-of select="kt:msg('reset.sent.text')"/></p>
    <p><xsl:value-of select="kt:msg('sent.spam')"/></p>
  </xsl:template>

  <xsl:template match="page[@type = 'reset-new']" mode="content">
    <xsl:variable name="fs" select="form-state[@name = 'newpassword']"/>
    <p class="lead">
      <xsl:value-of select="kt:msg('newpassword.account')"/>
      <xsl:text> </xsl:text>
      <strong><xsl:value-of select="account-email"/></strong>
    </p>
    <xsl:call-template name="form-errors"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
    <form method="post" action="{$fs/@action}" novalidate="novalidate">
      <xsl:call-template name="form-csrf"><xsl:with-param name="fs" select="$fs"/></xsl:call-template>
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

  <xsl:template match="page[@type = 'reset-invalid']" mode="content">
    <p class="lead"><xsl:value-of select="kt:msg('reset.invalid.text')"/></p>
    <p><a href="{$home}password-reset"><xsl:value-of select="kt:msg('reset.again')"/></a></p>
  </xsl:template>

</xsl:stylesheet>
