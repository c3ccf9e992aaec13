<?xml version="1.0" encoding="UTF-8"?>
<!--
  Attendoc: document vocabulary (urn:attendoc:document:1) to one self-contained HTML5 page.

  The page has no external resources: styles are inline, there are no scripts, fonts or images.
  It is readable on screen (a single column about 42em wide, system fonts) and prints like a
  letter on A4 (@page margins of 2cm).

  Structure, for assistive technology:
    header.letterhead   the sender: organisation, department, postal address and contacts
    main                everything addressed to the reader:
      address.recipient   recipient name and address
      p.date, dl.references, p.salutation
      h1                  the subject (or, if a letter has none, a visually hidden title)
      h2, p, ul, table    the body (tables: caption, th scope="col", first cell th scope="row")
      p.closing, p.signatory, section.enclosures, section.copies

  A record (minutes, a contract, a register certificate) has the same header.letterhead, more
  compact (the address on one line), then in main: h1 (the title), dl.facts (label and value),
  the body as in a letter, and section.signatures: per signature-line a div.signature-block with
  the label, the name if given, and "Signed:" and "Date:" lines to write on.

  Text prints exactly as written; the html output method escapes &, < and > (and " in
  attributes), so a browser shows names such as  Ms Zoë D'Souza & <Partner> "Ltd"  unchanged.

  Any element the stylesheet does not know stops the transform (xsl:message terminate="yes"), so a
  change to the vocabulary can never silently drop text. Keep this file in step with
  schema/document.rng.

  XSLT 1.0 as run by libxslt; no extensions are needed. The output depends only on the input
  document and the parameters.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:d="urn:attendoc:document:1"
                exclude-result-prefixes="d">

  <!-- The shared house-style parameters and labels, and the named templates all formats use
       (stylesheets/common; docs/house-style.md). Imported first, as XSLT requires. -->
  <xsl:import href="common/parameters.xsl"/>
  <xsl:import href="common/templates.xsl"/>
  <xsl:import href="common/bar-chart.xsl"/>

  <!-- indent="no": whitespace inside running text is significant, so the stylesheet writes its
       own line breaks between blocks instead. -->
  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <!-- ====================================================================================== -->
  <!-- House style (stylesheets/common/parameters.xsl): the values this format uses.           -->
  <!-- ====================================================================================== -->
  <xsl:variable name="accent.colour">
    <xsl:call-template name="house.value">
      <xsl:with-param name="value" select="$house.accent.colour"/>
      <xsl:with-param name="default" select="$house.default.accent.colour"/>
    </xsl:call-template>
  </xsl:variable>
  <xsl:variable name="text.colour">
    <xsl:call-template name="house.value">
      <xsl:with-param name="value" select="$house.text.colour"/>
      <xsl:with-param name="default" select="$house.default.text.colour.html"/>
    </xsl:call-template>
  </xsl:variable>
  <!-- Font list. A house font goes first, and the reader's system fonts stay behind it for the
       machines that do not have it installed (no web fonts are loaded). -->
  <xsl:variable name="font.family">
    <xsl:if test="string($house.font.family) != ''">
      <xsl:value-of select="concat('&quot;', $house.font.family, '&quot;, ')"/>
    </xsl:if>
    <xsl:value-of select="$house.default.font.family.html"/>
  </xsl:variable>

  <!-- ====================================================================================== -->
  <!-- Layout parameters of this format (xsltproc: stringparam page.max.width 40em). The house  -->
  <!-- style (colours, font, name, footer wording, logo) and the labels are set once for every  -->
  <!-- format in common/parameters.xsl. Values go into the style sheet unescaped: take them     -->
  <!-- from configuration, never from case data.                                              -->
  <!-- ====================================================================================== -->

  <!-- Page background. Keep the text's contrast with it at 4.5:1 or better (WCAG AA). -->
  <xsl:param name="page.background.colour" select="'#ffffff'"/>

  <!-- Quiet rules between table rows. -->
  <xsl:param name="rule.colour" select="'#b1b4b6'"/>

  <!-- Text size on screen and on paper. -->
  <xsl:param name="body.font.size" select="'1rem'"/>
  <xsl:param name="print.font.size" select="'11pt'"/>
  <!-- A large-print copy (meta print: large): the body on screen and on paper at 16 pt (tables
       follow it: their sizes are relative). -->
  <xsl:param name="large.print.font.size" select="'16pt'"/>
  <xsl:variable name="large.print" select="/d:document/d:meta/d:print = 'large'"/>

  <!-- Width of the text column on screen. -->
  <xsl:param name="page.max.width" select="'42em'"/>

  <!-- A table with more columns than this (a register certificate's sessions) is set closer
       (class "dense"). -->
  <xsl:param name="table.dense.columns" select="6"/>

  <!-- Height of the house style's logo in the letterhead, in CSS pixels (its width follows its
       proportions). Written as the img's height and width, so that it has its size even where
       the style sheet is not applied (some mail programs). -->
  <xsl:param name="letterhead.logo.height" select="72"/>

  <xsl:variable name="nl" select="'&#10;'"/>

  <!-- The house style's line at the foot of the page (empty: none). -->
  <xsl:variable name="house.footer">
    <xsl:call-template name="house.footer.line"/>
  </xsl:variable>

  <!-- ====================================================================================== -->
  <!-- Guards: unknown elements and stray text stop the transform.                             -->
  <!-- ====================================================================================== -->

  <!-- Any element without a template of its own, in any mode that reaches it. -->
  <xsl:template match="*" priority="-10">
    <xsl:call-template name="unhandled"/>
  </xsl:template>
  <xsl:template match="*" mode="inline" priority="-10">
    <xsl:call-template name="unhandled"/>
  </xsl:template>

  <!-- Templates that lay out their children by hand select the children they do not know in this
       mode, which has no other template. -->
  <xsl:template match="*" mode="unexpected">
    <xsl:call-template name="unhandled"/>
  </xsl:template>

  <!-- Text directly inside a structural element (the schema allows none): stop rather than drop
       it. Whitespace (the source's indentation) is ignored. -->
  <xsl:template match="text()">
    <xsl:if test="normalize-space(.) != ''">
      <xsl:message terminate="yes">
        <xsl:text>html.xsl: unexpected text "</xsl:text>
        <xsl:value-of select="normalize-space(.)"/>
        <xsl:text>" directly inside </xsl:text>
        <xsl:for-each select="..">
          <xsl:call-template name="path"/>
        </xsl:for-each>
      </xsl:message>
    </xsl:if>
  </xsl:template>

  <xsl:template name="unhandled">
    <xsl:message terminate="yes">
      <xsl:text>html.xsl: no rule for element </xsl:text>
      <xsl:choose>
        <xsl:when test="namespace-uri() = 'urn:attendoc:document:1'">
          <xsl:value-of select="concat('d:', local-name())"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="concat('{', namespace-uri(), '}', local-name())"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:text> at </xsl:text>
      <xsl:call-template name="path"/>
      <xsl:text>; its text would be lost. Update stylesheets/html.xsl for the vocabulary change.</xsl:text>
    </xsl:message>
  </xsl:template>

  <!-- /document/letter/body/para[2] style location of the context element. -->
  <xsl:template name="path">
    <xsl:for-each select="ancestor-or-self::*">
      <xsl:text>/</xsl:text>
      <xsl:value-of select="local-name()"/>
      <xsl:if test="../*[local-name() = local-name(current())][2]">
        <xsl:value-of select="concat('[', count(preceding-sibling::*[local-name() = local-name(current())]) + 1, ']')"/>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- ====================================================================================== -->
  <!-- The page.                                                                               -->
  <!-- ====================================================================================== -->

  <xsl:template match="/">
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="/d:document">
    <xsl:apply-templates mode="unexpected" select="*[not(self::d:meta or self::d:letter or self::d:record)]"/>
    <xsl:apply-templates mode="unexpected"
                         select="d:meta/*[not(self::d:title or self::d:author or self::d:reference
                                              or self::d:date or self::d:audience or self::d:print)]"/>
    <!-- The HTML5 doctype, which xsl:output cannot write without a SYSTEM identifier. -->
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;</xsl:text>
    <xsl:value-of select="$nl"/>
    <html lang="{@xml:lang}">
      <xsl:value-of select="$nl"/>
      <!-- head and the meta elements are written as text on purpose: given a literal head or
           meta element, libxslt's html serialiser (htmlSetMetaEncoding) adds
           <meta http-equiv="Content-Type">, and HTML5 forbids having both that and
           <meta charset>. With neither it leaves the page alone. So: no literal meta elements
           here (and the author from d:meta is not written out: it would need hand escaping). -->
      <xsl:text disable-output-escaping="yes">&lt;head&gt;</xsl:text>
      <xsl:value-of select="$nl"/>
      <xsl:text disable-output-escaping="yes">&lt;meta charset="utf-8"&gt;</xsl:text>
      <xsl:value-of select="$nl"/>
      <xsl:text disable-output-escaping="yes">&lt;meta name="viewport" content="width=device-width, initial-scale=1"&gt;</xsl:text>
      <xsl:value-of select="$nl"/>
      <title>
        <xsl:apply-templates select="d:meta/d:title" mode="plain"/>
      </title>
      <xsl:value-of select="$nl"/>
      <style>
        <xsl:call-template name="css"/>
        <xsl:if test="d:record or .//d:table[count(d:columns/d:column) &gt; $table.dense.columns]">
          <xsl:call-template name="css-record"/>
        </xsl:if>
        <xsl:if test="string($house.footer) != ''">
          <xsl:call-template name="css-house-footer"/>
        </xsl:if>
        <xsl:if test="$house.logo.uri != ''">
          <xsl:call-template name="css-house-logo"/>
        </xsl:if>
      </style>
      <xsl:value-of select="$nl"/>
      <xsl:text disable-output-escaping="yes">&lt;/head&gt;</xsl:text>
      <xsl:value-of select="$nl"/>
      <body>
        <xsl:value-of select="$nl"/>
        <xsl:apply-templates select="d:letter | d:record"/>
        <!-- The house style's name and footer wording (common/parameters.xsl), if it has them. -->
        <xsl:if test="string($house.footer) != ''">
          <footer class="house-footer">
            <p><xsl:value-of select="$house.footer"/></p>
          </footer>
          <xsl:value-of select="$nl"/>
        </xsl:if>
      </body>
      <xsl:value-of select="$nl"/>
    </html>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- ====================================================================================== -->
  <!-- The letter.                                                                             -->
  <!-- ====================================================================================== -->

  <xsl:template match="d:document/d:letter">
    <xsl:apply-templates mode="unexpected"
                         select="*[not(self::d:sender or self::d:recipient or self::d:date
                                       or self::d:reference or self::d:salutation or self::d:subject
                                       or self::d:body or self::d:closing or self::d:signature
                                       or self::d:enclosures or self::d:copies)]"/>
    <xsl:apply-templates select="d:sender"/>
    <main>
      <xsl:value-of select="$nl"/>
      <xsl:apply-templates select="d:recipient | d:date"/>
      <xsl:if test="d:reference">
        <dl class="references" aria-label="{$label.references}">
          <xsl:apply-templates select="d:reference"/>
        </dl>
        <xsl:value-of select="$nl"/>
      </xsl:if>
      <xsl:apply-templates select="d:salutation"/>
      <xsl:if test="not(d:subject)">
        <!-- Every page needs a top-level heading; without a subject, use the title unseen. -->
        <h1 class="visually-hidden">
          <xsl:apply-templates select="../d:meta/d:title" mode="plain"/>
        </h1>
        <xsl:value-of select="$nl"/>
      </xsl:if>
      <xsl:apply-templates select="d:subject | d:body | d:closing | d:signature | d:enclosures
                                   | d:copies"/>
    </main>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- Letterhead: the organisation's name on one side, its address and contacts on the other. -->
  <xsl:template match="d:letter/d:sender">
    <xsl:apply-templates mode="unexpected"
                         select="*[not(self::d:organisation or self::d:department or self::d:address
                                       or self::d:phone or self::d:email or self::d:website)]"/>
    <header class="letterhead">
      <div class="sender-name">
        <xsl:call-template name="house.logo"/>
        <p class="organisation">
          <xsl:apply-templates select="d:organisation" mode="plain"/>
        </p>
        <xsl:for-each select="d:department">
          <p class="department">
            <xsl:apply-templates select="." mode="plain"/>
          </p>
        </xsl:for-each>
      </div>
      <address class="sender-address">
        <xsl:call-template name="lines">
          <xsl:with-param name="fields" select="d:address/* | d:phone | d:email | d:website"/>
        </xsl:call-template>
      </address>
    </header>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- The recipient, as a postal address block. -->
  <xsl:template match="d:letter/d:recipient">
    <xsl:apply-templates mode="unexpected" select="*[not(self::d:name or self::d:address)]"/>
    <address class="recipient">
      <xsl:call-template name="lines">
        <xsl:with-param name="fields" select="d:name | d:address/*"/>
      </xsl:call-template>
    </address>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- Prints $fields one to a line, separated by <br>. Each field goes through mode "field". -->
  <xsl:template name="lines">
    <xsl:param name="fields"/>
    <xsl:for-each select="$fields">
      <xsl:apply-templates select="." mode="field"/>
      <xsl:if test="position() != last()">
        <br/>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="*" mode="field">
    <xsl:call-template name="unhandled"/>
  </xsl:template>

  <xsl:template match="d:address/d:line | d:address/d:postcode | d:signature/d:role
                       | d:signature/d:organisation" mode="field">
    <xsl:apply-templates select="." mode="plain"/>
  </xsl:template>

  <xsl:template match="d:recipient/d:name | d:signature/d:name" mode="field">
    <span class="name">
      <xsl:apply-templates select="." mode="plain"/>
    </span>
  </xsl:template>

  <!-- A telephone number is a link only if it is nothing but a number. -->
  <xsl:template match="d:phone" mode="field">
    <xsl:variable name="number" select="normalize-space(.)"/>
    <xsl:call-template name="label.contact"/><xsl:text>: </xsl:text>
    <xsl:choose>
      <xsl:when test="translate($number, '0123456789+ ()-', '') = ''">
        <a href="tel:{translate($number, ' ()-', '')}">
          <xsl:apply-templates select="." mode="plain"/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="." mode="plain"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="d:email" mode="field">
    <xsl:call-template name="label.contact"/><xsl:text>: </xsl:text>
    <a href="mailto:{normalize-space(.)}">
      <xsl:apply-templates select="." mode="plain"/>
    </a>
  </xsl:template>

  <!-- A website is a link only if the document gives a full http(s) address: the stylesheet
       never makes up a URL (a bare "www.example" would otherwise be a relative link). -->
  <xsl:template match="d:website" mode="field">
    <xsl:variable name="url" select="normalize-space(.)"/>
    <xsl:call-template name="label.contact"/><xsl:text>: </xsl:text>
    <xsl:choose>
      <xsl:when test="starts-with($url, 'https://') or starts-with($url, 'http://')">
        <a href="{$url}">
          <xsl:apply-templates select="." mode="plain"/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="." mode="plain"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Date of the letter, with the ISO date for machines. -->
  <xsl:template match="d:letter/d:date">
    <p class="date">
      <time datetime="{@iso}">
        <xsl:apply-templates select="." mode="plain"/>
      </time>
    </p>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- Reference lines: "Label:" and value. The colon is text, so it survives without CSS. -->
  <xsl:template match="d:letter/d:reference">
    <dt>
      <xsl:value-of select="concat(normalize-space(@label), ':')"/>
    </dt>
    <dd>
      <xsl:apply-templates select="." mode="plain"/>
    </dd>
  </xsl:template>

  <xsl:template match="d:letter/d:salutation">
    <p class="salutation">
      <xsl:apply-templates select="." mode="plain"/>
    </p>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="d:letter/d:subject">
    <h1 class="subject">
      <xsl:apply-templates mode="inline"/>
    </h1>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- ====================================================================================== -->
  <!-- The record: minutes, a contract, a register certificate.                                -->
  <!-- ====================================================================================== -->

  <xsl:template match="d:document/d:record">
    <xsl:apply-templates mode="unexpected"
                         select="*[not(self::d:sender or self::d:title or self::d:facts
                                       or self::d:body or self::d:signatures)]"/>
    <xsl:apply-templates select="d:sender"/>
    <main>
      <xsl:value-of select="$nl"/>
      <xsl:apply-templates select="d:title | d:facts | d:body | d:signatures"/>
    </main>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- The issuing organisation, as the letterhead but compact: the postal address on one line,
       then each contact on a line of its own. -->
  <xsl:template match="d:record/d:sender">
    <xsl:apply-templates mode="unexpected"
                         select="*[not(self::d:organisation or self::d:department or self::d:address
                                       or self::d:phone or self::d:email or self::d:website)]
                                 | d:address/*[not(self::d:line or self::d:postcode)]"/>
    <header class="letterhead compact">
      <div class="sender-name">
        <xsl:call-template name="house.logo"/>
        <p class="organisation">
          <xsl:apply-templates select="d:organisation" mode="plain"/>
        </p>
        <xsl:for-each select="d:department">
          <p class="department">
            <xsl:apply-templates select="." mode="plain"/>
          </p>
        </xsl:for-each>
      </div>
      <address class="sender-address">
        <xsl:for-each select="d:address/*">
          <xsl:apply-templates select="." mode="field"/>
          <xsl:choose>
            <xsl:when test="position() = last()"/>
            <xsl:when test="following-sibling::*[1][self::d:postcode]">
              <xsl:text> </xsl:text>
            </xsl:when>
            <xsl:otherwise>
              <xsl:text>, </xsl:text>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
        <xsl:for-each select="d:phone | d:email | d:website">
          <br/>
          <xsl:apply-templates select="." mode="field"/>
        </xsl:for-each>
      </address>
    </header>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- The title is the page's one h1. It is text only (no em or strong). -->
  <xsl:template match="d:record/d:title">
    <xsl:apply-templates mode="unexpected" select="*"/>
    <h1 class="title">
      <xsl:apply-templates select="." mode="plain"/>
    </h1>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- Key facts: a definition list, "Label:" and value (the colon is text, as for references). -->
  <xsl:template match="d:record/d:facts">
    <xsl:apply-templates mode="unexpected" select="*[not(self::d:fact)]"/>
    <dl class="facts">
      <xsl:for-each select="d:fact">
        <xsl:value-of select="$nl"/>
        <dt>
          <xsl:value-of select="concat(normalize-space(@label), ':')"/>
        </dt>
        <dd>
          <xsl:apply-templates mode="inline"/>
        </dd>
      </xsl:for-each>
      <xsl:value-of select="$nl"/>
    </dl>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- Lines to sign on: per signature-line, who signs, their name if known, then "Signed:" and
       "Date:" each followed by a rule to write on (drawn by CSS, hidden from screen readers). -->
  <xsl:template match="d:record/d:signatures">
    <xsl:apply-templates mode="unexpected"
                         select="*[not(self::d:signature-line)] | d:signature-line/*[not(self::d:name)]
                                 | d:signature-line/d:name/*"/>
    <section class="signatures" aria-labelledby="signatures-heading">
      <h2 id="signatures-heading" class="visually-hidden">
        <xsl:value-of select="$label.signatures"/>
      </h2>
      <xsl:for-each select="d:signature-line">
        <xsl:value-of select="$nl"/>
        <div class="signature-block" role="group" aria-labelledby="signature-{position()}">
          <p class="signature-label" id="signature-{position()}">
            <xsl:value-of select="normalize-space(@label)"/>
          </p>
          <xsl:for-each select="d:name">
            <p class="signature-name">
              <xsl:apply-templates select="." mode="plain"/>
            </p>
          </xsl:for-each>
          <p class="sign-here">
            <xsl:value-of select="$label.signed"/>
            <xsl:text> </xsl:text>
            <span class="write-on" aria-hidden="true"></span>
          </p>
          <p class="sign-here">
            <xsl:value-of select="$label.signed.date"/>
            <xsl:text> </xsl:text>
            <span class="write-on short" aria-hidden="true"></span>
          </p>
        </div>
      </xsl:for-each>
      <xsl:value-of select="$nl"/>
    </section>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- ====================================================================================== -->
  <!-- Body blocks.                                                                            -->
  <!-- ====================================================================================== -->

  <xsl:template match="d:letter/d:body | d:record/d:body">
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="d:body/d:heading">
    <h2>
      <xsl:apply-templates mode="inline"/>
    </h2>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="d:body/d:para">
    <p>
      <xsl:apply-templates mode="inline"/>
    </p>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="d:body/d:list">
    <ul>
      <xsl:apply-templates/>
    </ul>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="d:list/d:item | d:enclosures/d:item | d:copies/d:item">
    <xsl:value-of select="$nl"/>
    <li>
      <xsl:apply-templates mode="inline"/>
    </li>
  </xsl:template>

  <!-- Tables of figures: caption, a header row of column headings, then the rows. The first
       cell of each row names the row (th scope="row"); right-aligned columns are for numbers;
       a total row is bold with a rule above. -->
  <xsl:template match="d:body/d:table">
    <xsl:variable name="columns" select="d:columns/d:column"/>
    <xsl:variable name="n" select="count($columns)"/>
    <xsl:apply-templates mode="unexpected"
                         select="*[not(self::d:caption or self::d:columns or self::d:row)]
                                 | d:columns/*[not(self::d:column)] | d:row/*[not(self::d:cell)]"/>
    <xsl:if test="d:row[count(d:cell) &gt; $n]">
      <xsl:message terminate="yes">
        <xsl:text>html.xsl: a row has more cells than the table has columns at </xsl:text>
        <xsl:for-each select="d:row[count(d:cell) &gt; $n][1]">
          <xsl:call-template name="path"/>
        </xsl:for-each>
      </xsl:message>
    </xsl:if>
    <!-- chart="bars": the same figures drawn, before the table (common/bar-chart.xsl). -->
    <xsl:if test="@chart = 'bars'">
      <figure class="chart">
        <xsl:call-template name="chart.bars">
          <xsl:with-param name="colour" select="$accent.colour"/>
          <xsl:with-param name="text.colour" select="$text.colour"/>
        </xsl:call-template>
      </figure>
      <xsl:value-of select="$nl"/>
    </xsl:if>
    <table>
      <xsl:if test="$n &gt; $table.dense.columns">
        <xsl:attribute name="class">dense</xsl:attribute>
      </xsl:if>
      <xsl:value-of select="$nl"/>
      <caption>
        <xsl:apply-templates select="d:caption" mode="plain"/>
      </caption>
      <xsl:value-of select="$nl"/>
      <thead>
        <tr>
          <xsl:for-each select="$columns">
            <th scope="col">
              <xsl:call-template name="align-class"/>
              <xsl:apply-templates select="." mode="plain"/>
            </th>
          </xsl:for-each>
        </tr>
      </thead>
      <xsl:value-of select="$nl"/>
      <tbody>
        <xsl:for-each select="d:row">
          <xsl:variable name="row" select="."/>
          <xsl:value-of select="$nl"/>
          <tr>
            <xsl:if test="@role = 'total'">
              <xsl:attribute name="class">total</xsl:attribute>
            </xsl:if>
            <!-- One cell per column; a short row is padded with empty cells. -->
            <xsl:for-each select="$columns">
              <xsl:variable name="i" select="position()"/>
              <xsl:choose>
                <xsl:when test="$i = 1">
                  <th scope="row">
                    <xsl:call-template name="align-class"/>
                    <xsl:apply-templates select="$row/d:cell[$i]/node()" mode="inline"/>
                  </th>
                </xsl:when>
                <xsl:otherwise>
                  <td>
                    <xsl:call-template name="align-class"/>
                    <xsl:apply-templates select="$row/d:cell[$i]/node()" mode="inline"/>
                  </td>
                </xsl:otherwise>
              </xsl:choose>
            </xsl:for-each>
          </tr>
        </xsl:for-each>
        <xsl:value-of select="$nl"/>
      </tbody>
      <xsl:value-of select="$nl"/>
    </table>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- class="num" (right-aligned, tabular figures) for cells of a column with align="right";
       the context is the d:column. -->
  <xsl:template name="align-class">
    <xsl:if test="@align = 'right'">
      <xsl:attribute name="class">num</xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- ====================================================================================== -->
  <!-- After the body.                                                                         -->
  <!-- ====================================================================================== -->

  <xsl:template match="d:letter/d:closing">
    <p class="closing">
      <xsl:apply-templates select="." mode="plain"/>
    </p>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- The signatory, below room to sign. -->
  <xsl:template match="d:letter/d:signature">
    <xsl:apply-templates mode="unexpected"
                         select="*[not(self::d:name or self::d:role or self::d:organisation
                                       or self::d:phone or self::d:email)]"/>
    <p class="signatory">
      <xsl:call-template name="lines">
        <xsl:with-param name="fields" select="*"/>
      </xsl:call-template>
    </p>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="d:letter/d:enclosures">
    <xsl:call-template name="end-list">
      <xsl:with-param name="class" select="'enclosures'"/>
      <xsl:with-param name="label" select="$label.enclosures"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="d:letter/d:copies">
    <xsl:call-template name="end-list">
      <xsl:with-param name="class" select="'copies'"/>
      <xsl:with-param name="label" select="$label.copies"/>
    </xsl:call-template>
  </xsl:template>

  <!-- "Enclosures" and "Copy to": a small heading and a list, as a labelled section. -->
  <xsl:template name="end-list">
    <xsl:param name="class"/>
    <xsl:param name="label"/>
    <section class="end-list {$class}" aria-labelledby="{$class}-heading">
      <h2 id="{$class}-heading">
        <xsl:value-of select="$label"/>
      </h2>
      <ul>
        <xsl:apply-templates/>
      </ul>
    </section>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- ====================================================================================== -->
  <!-- Text.                                                                                   -->
  <!-- ====================================================================================== -->

  <!-- mode "plain": a text-only field (a name, an address line) as one normalised string. Its
       children still go through mode "inline", so an element there is reported, not lost. -->
  <xsl:template match="*" mode="plain">
    <xsl:variable name="text">
      <xsl:apply-templates mode="inline"/>
    </xsl:variable>
    <xsl:value-of select="normalize-space($text)"/>
  </xsl:template>

  <!-- mode "inline": running text. Each text node has its whitespace normalised, keeping one
       space where it meets a neighbour (so "a <em>b</em> c" keeps both spaces) and none at the
       start or end of the block. -->
  <xsl:template match="text()" mode="inline">
    <xsl:variable name="block" select="ancestor::*[not(self::d:em or self::d:strong)][1]"/>
    <xsl:variable name="first" select="generate-id($block/descendant::text()[1]) = generate-id(.)"/>
    <xsl:variable name="last"
                  select="generate-id($block/descendant::text()[last()]) = generate-id(.)"/>
    <xsl:variable name="words" select="normalize-space(.)"/>
    <xsl:variable name="lead"
                  select="not($first) and normalize-space(substring(., 1, 1)) = ''"/>
    <xsl:variable name="trail"
                  select="not($last) and normalize-space(substring(., string-length(.))) = ''"/>
    <xsl:choose>
      <xsl:when test="$words = ''">
        <xsl:if test="$lead and $trail">
          <xsl:text> </xsl:text>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:if test="$lead">
          <xsl:text> </xsl:text>
        </xsl:if>
        <xsl:value-of select="$words"/>
        <xsl:if test="$trail">
          <xsl:text> </xsl:text>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The schema gives em and strong text only; anything else in them (nesting included) is
       reported. -->
  <xsl:template match="d:em" mode="inline">
    <xsl:apply-templates mode="unexpected" select="*"/>
    <em>
      <xsl:apply-templates mode="inline" select="text()"/>
    </em>
  </xsl:template>

  <xsl:template match="d:strong" mode="inline">
    <xsl:apply-templates mode="unexpected" select="*"/>
    <strong>
      <xsl:apply-templates mode="inline" select="text()"/>
    </strong>
  </xsl:template>

  <!-- ====================================================================================== -->
  <!-- Style sheet: screen first, then print.                                                  -->
  <!-- ====================================================================================== -->

  <xsl:template name="css">
    <xsl:text>
:root { color-scheme: light; }
html { background: </xsl:text><xsl:value-of select="$page.background.colour"/><xsl:text>; }
body {
  margin: 0 auto;
  max-width: </xsl:text><xsl:value-of select="$page.max.width"/><xsl:text>;
  padding: 2rem 1.25rem 3rem;
  font-family: </xsl:text><xsl:value-of select="$font.family"/><xsl:text>;
  font-size: </xsl:text><xsl:choose><xsl:when test="$large.print"><xsl:value-of select="$large.print.font.size"/></xsl:when><xsl:otherwise><xsl:value-of select="$body.font.size"/></xsl:otherwise></xsl:choose><xsl:text>;
  line-height: 1.5;
  color: </xsl:text><xsl:value-of select="$text.colour"/><xsl:text>;
  background: </xsl:text><xsl:value-of select="$page.background.colour"/><xsl:text>;
  overflow-wrap: break-word;
}
p, ul, dl, address, table { margin: 0 0 1em; }
address { font-style: normal; }
a { color: inherit; }

.letterhead {
  display: grid;
  grid-template-columns: 1fr fit-content(55%);
  align-items: start;
  gap: 0.75em 2em;
  padding-bottom: 1em;
  margin-bottom: 2em;
  border-bottom: 3px solid </xsl:text><xsl:value-of select="$accent.colour"/><xsl:text>;
}
.letterhead p { margin: 0; }
.letterhead .organisation {
  font-size: 1.35em;
  font-weight: 700;
  line-height: 1.2;
  color: </xsl:text><xsl:value-of select="$accent.colour"/><xsl:text>;
}
.letterhead .department { margin-top: 0.25em; font-weight: 600; }
.letterhead .sender-address { margin: 0; font-size: 0.9em; text-align: right; }
@media screen and (max-width: 36em) {
  .letterhead { grid-template-columns: 1fr; }
  .letterhead .sender-address { text-align: left; }
}

.recipient { margin-bottom: 2em; }
.references {
  display: grid;
  grid-template-columns: fit-content(40%) 1fr;
  gap: 0 0.75em;
}
.references dt { font-weight: 600; }
.references dd { margin: 0; }

h1, h2 { line-height: 1.3; }
h1 { font-size: 1.2em; margin: 1.5em 0 1em; }
h2 { font-size: 1.05em; margin: 1.5em 0 0.5em; }
ul { padding-left: 1.5em; }
li + li { margin-top: 0.25em; }

table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.4em; }
figure.chart { margin: 0 0 0.5em; }
figure.chart svg { max-width: 100%; height: auto; }
th, td {
  padding: 0.3em 0.75em;
  text-align: left;
  vertical-align: top;
  border-bottom: 1px solid </xsl:text><xsl:value-of select="$rule.colour"/><xsl:text>;
}
th:first-child, td:first-child { padding-left: 0; }
th:last-child, td:last-child { padding-right: 0; }
thead th { border-bottom: 2px solid </xsl:text><xsl:value-of select="$accent.colour"/><xsl:text>; }
tbody th { font-weight: normal; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.total th, tr.total td {
  font-weight: 700;
  border-top: 2px solid </xsl:text><xsl:value-of select="$text.colour"/><xsl:text>;
}

.closing { margin-top: 2em; }
.signatory { margin-top: 3.5em; }
.signatory .name { font-weight: 600; }
.end-list h2 { font-size: 1em; margin: 1.5em 0 0.25em; }
.end-list ul { margin-bottom: 0; }

.visually-hidden {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}

@page { size: A4; margin: 2cm; }
@media print {
  html, body { background: #fff; }
  body {
    max-width: none;
    margin: 0;
    padding: 0;
    font-size: </xsl:text><xsl:choose><xsl:when test="$large.print"><xsl:value-of select="$large.print.font.size"/></xsl:when><xsl:otherwise><xsl:value-of select="$print.font.size"/></xsl:otherwise></xsl:choose><xsl:text>;
    line-height: 1.4;
    color: #000;
  }
  a { text-decoration: none; }
  .letterhead { margin-bottom: 1cm; }
  .recipient { margin-bottom: 1.5em; }
  h1, h2, caption { break-after: avoid; page-break-after: avoid; }
  tr, li, .recipient, .references, .signatory, .end-list { break-inside: avoid; page-break-inside: avoid; }
  .closing { break-after: avoid; page-break-after: avoid; }
  p { orphans: 3; widows: 3; }
}
</xsl:text>
  </xsl:template>

  <!-- The house style's logo above the organisation's name (common/parameters.xsl): the image
       itself as a data: URI, so the page stays one file, letterhead.logo.height high and as wide
       as its proportions make it. Nothing without a logo. -->
  <xsl:template name="house.logo">
    <xsl:if test="$house.logo.uri != ''">
      <img class="logo" src="{$house.logo.uri}" alt="{$house.logo.description}"
           width="{round($letterhead.logo.height * number($house.logo.pixel.width) div number($house.logo.pixel.height))}"
           height="{$letterhead.logo.height}"/>
    </xsl:if>
  </xsl:template>

  <!-- The logo's size, only when the house style has a logo. -->
  <xsl:template name="css-house-logo">
    <xsl:text>
.letterhead .logo {
  display: block;
  max-width: 100%;
  height: auto;
  margin-bottom: 0.5em;
}
</xsl:text>
  </xsl:template>

  <!-- The house footer's rule, only when the house style has a footer line (so that a page
       without one is as it was). -->
  <xsl:template name="css-house-footer">
    <xsl:text>
.house-footer {
  margin-top: 2.5em;
  padding-top: 0.5em;
  border-top: 1px solid </xsl:text><xsl:value-of select="$rule.colour"/><xsl:text>;
  font-size: 0.875em;
}
.house-footer p { margin: 0; }
</xsl:text>
  </xsl:template>

  <!-- Rules only records and dense tables use; a letter without a dense table does not get them,
       so its page stays as it was. -->
  <xsl:template name="css-record">
    <xsl:text>
.letterhead.compact { padding-bottom: 0.6em; margin-bottom: 1.5em; }
.letterhead.compact .organisation { font-size: 1.2em; }
.letterhead.compact .sender-address { font-size: 0.85em; }
h1.title { font-size: 1.45em; margin: 0 0 0.75em; }
.facts {
  display: grid;
  grid-template-columns: fit-content(40%) 1fr;
  gap: 0.2em 1em;
  padding: 0.75em 0;
  border-top: 1px solid </xsl:text><xsl:value-of select="$rule.colour"/><xsl:text>;
  border-bottom: 1px solid </xsl:text><xsl:value-of select="$rule.colour"/><xsl:text>;
}
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
table.dense { font-size: 0.9em; }
table.dense th, table.dense td { padding: 0.2em 0.35em; }
table.dense th:first-child, table.dense td:first-child { padding-left: 0; }
table.dense tbody th { white-space: nowrap; }
.signatures {
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(15em, 1fr));
  gap: 0 2.5em;
  margin-top: 2.5em;
}
.signature-block { margin: 0 0 1.75em; }
.signature-block p { margin: 0; }
.signature-label { font-weight: 600; }
.signature-block .sign-here { margin-top: 1.75em; display: flex; align-items: flex-end; gap: 0.4em; }
.write-on { flex: 1 1 auto; min-width: 6em; border-bottom: 1px solid </xsl:text><xsl:value-of select="$text.colour"/><xsl:text>; }
.write-on.short { flex: 0 1 9em; }
@media print {
  h1.title { break-after: avoid; page-break-after: avoid; }
  .facts, .signature-block { break-inside: avoid; page-break-inside: avoid; }
  .write-on { border-bottom-color: #000; }
}
</xsl:text>
  </xsl:template>

</xsl:stylesheet>
