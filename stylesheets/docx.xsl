<?xml version="1.0" encoding="UTF-8"?>
<!--
  docx.xsl - Attendoc document vocabulary (urn:attendoc:document:1) to WordprocessingML (.docx).

  XSLT 1.0, run by libxslt. A .docx is a ZIP package of several XML parts. With the top-level
  string parameter `part` set to `package` (as the Swift side runs it), one run writes every part,
  each inside an element `part path="..."` of one result (template "package"); the Swift side
  writes each part as a document of its own and zips them (with fixed timestamps) in that order
  into the .docx. `part` set to one of the values below writes that part alone (for looking at
  one with xsltproc):
      OPC part path                  value of `part`
      =============================  ===============
      [Content_Types].xml            content-types
      _rels/.rels                    package-rels
      docProps/core.xml              core
      docProps/app.xml               app
      word/document.xml              document
      word/_rels/document.xml.rels   document-rels
      word/styles.xml                styles
      word/settings.xml              settings
      word/numbering.xml             numbering
      word/header1.xml               header        (pages 2 onwards)
      word/header2.xml               first-page-header (empty: page 1 carries the letterhead)
      word/footer1.xml               footer
      word/fontTable.xml             font-table
      word/media/logo.png (or .jpeg) (not a stylesheet part: the house style's logo, added by the
                                     Swift side with the image's bytes when house.logo.uri is set)

  Any other value of `part` (including none) stops the run with a message naming it. If a part is
  added here, add it to the table above, to the template "package", to the content types and to
  the relationships.

  Rules this stylesheet keeps:
    * Output depends only on the input document and the parameters: no current time, no files, no
      network (no document(), no exsl:document). docProps/core.xml dates come from meta/date/@iso.
    * Every element of the input is checked against the vocabulary before any part is written
      (mode "check"); an element the stylesheet does not know stops the run with a message, so a
      vocabulary change can never silently drop text. The writing templates (mode "doc") also
      stop on anything unexpected.
    * The result must stay editable in Word and LibreOffice: real paragraphs with named styles,
      a real table, bullet numbering from numbering.xml; no text boxes, frames or absolute
      positioning. Formatting lives in styles.xml wherever possible, so an office can restyle a
      letter by changing a style.
    * Inline text is whitespace-normalised the way HTML renders it (see the text() template in
      mode "inline").

  Records (d:record: minutes, a contract, a register certificate) use the same parts: a compact
  heading band (a borderless two-column table ruled off below: organisation and department left,
  address and contacts right), the title (style Title), the facts as a borderless two-column
  table, the body as in a letter, then per signature line its label, name, and "Signed:" and
  "Date:" lines to write on, kept together on one page. The styles only records use, and the
  smaller table styles for tables of more than $table.dense.columns columns, are written to
  styles.xml only when the document needs them, so a letter's parts are unchanged.

  Measurements in WordprocessingML: twips (1/20 pt; 567 twips = 1 cm) for lengths, half-points
  for font sizes, eighths of a point for border widths.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:d="urn:attendoc:document:1"
                xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
                exclude-result-prefixes="d w">

  <!-- The shared house-style parameters and labels, and the named templates all formats use
       (stylesheets/common; docs/house-style.md). Imported first, as XSLT requires. -->
  <xsl:import href="common/parameters.xsl"/>
  <xsl:import href="common/templates.xsl"/>

  <!-- The r: (relationships) namespace is declared only on w:document below, so that it is
       declared once on the root of word/document.xml and nowhere else. -->

  <xsl:output method="xml" encoding="UTF-8" standalone="yes" indent="no"/>

  <!-- House style (stylesheets/common/parameters.xsl): the values this format uses. Colours in
       WordprocessingML are six hex digits without '#', in capitals. -->
  <xsl:variable name="accent.colour.house">
    <xsl:call-template name="house.value">
      <xsl:with-param name="value" select="$house.accent.colour"/>
      <xsl:with-param name="default" select="$house.default.accent.colour.docx"/>
    </xsl:call-template>
  </xsl:variable>
  <xsl:variable name="accent.colour" select="translate($accent.colour.house, 'abcdef#', 'ABCDEF')"/>
  <xsl:variable name="text.colour.house">
    <xsl:call-template name="house.value">
      <xsl:with-param name="value" select="$house.text.colour"/>
      <xsl:with-param name="default" select="$house.default.text.colour"/>
    </xsl:call-template>
  </xsl:variable>
  <xsl:variable name="text.colour" select="translate($text.colour.house, 'abcdef#', 'ABCDEF')"/>
  <xsl:variable name="font.family.house">
    <xsl:call-template name="house.value">
      <xsl:with-param name="value" select="$house.font.family"/>
      <xsl:with-param name="default" select="$house.default.font.family.docx"/>
    </xsl:call-template>
  </xsl:variable>
  <xsl:variable name="font.family" select="string($font.family.house)"/>

  <!-- ==========================================================================================
       Parameters
       ========================================================================================== -->

  <!-- Which package part to write; see the table at the top. Set by the Swift side. -->
  <xsl:param name="part" select="''"/>

  <!-- Layout of this format. Override with xsltproc's stringparam option (or the Swift
       equivalent). Colours here are six hex digits without '#'. The house style (accent and
       text colour, font, name, footer wording, logo) and the labels are set once for every
       format in common/parameters.xsl. -->

  <!-- Body text size in points (may be a half point, e.g. 11.5). Other sizes derive from it. -->
  <xsl:param name="body.font.size" select="11"/>
  <!-- Colour of the running header and footer text. -->
  <xsl:param name="muted.colour" select="'595959'"/>
  <!-- Table borders and the fill of the table's header row. -->
  <xsl:param name="table.border.colour" select="'8C8C8C'"/>
  <xsl:param name="table.header.background.colour" select="'E8EEF4'"/>

  <!-- Page: A4 portrait, margins in twips (1134 = 2 cm). header/footer-distance is the distance
       from the page edge to the running header/footer. -->
  <xsl:param name="page.width" select="11906"/>
  <xsl:param name="page.height" select="16838"/>
  <xsl:param name="page.margin.top" select="1134"/>
  <xsl:param name="page.margin.bottom" select="1134"/>
  <xsl:param name="page.margin.left" select="1134"/>
  <xsl:param name="page.margin.right" select="1134"/>
  <xsl:param name="header.distance" select="567"/>
  <!-- Height of the house style's logo on page 1, in twips (794: 14 mm); its width follows its
       proportions. -->
  <xsl:param name="letterhead.logo.height" select="794"/>
  <xsl:param name="footer.distance" select="567"/>
  <!-- Tables with at most this many rows are kept on one page (each row keeps with the next);
       longer tables may break anywhere after their first row, with the header row repeated. -->
  <xsl:param name="table.keep.rows" select="15"/>
  <!-- Tables with more columns than this (a register certificate: week, then ten sessions) are
       set in a smaller size with narrower cell margins, so that they fit A4 portrait. -->
  <xsl:param name="table.dense.columns" select="6"/>
  <!-- Records: width of the right-hand column of the heading band (address, contacts), and the
       length of the line to write the date on (twips; 4536 = 8 cm, 2268 = 4 cm). The line to
       sign on runs to the end of its column. -->
  <xsl:param name="record.contact.width" select="4536"/>
  <xsl:param name="signed.date.line.length" select="2268"/>
  <!-- Blank space above the signatory's name, for a handwritten signature (twips; 964 = 1.7 cm). -->
  <xsl:param name="signature.space" select="964"/>

  <!-- Words the stylesheet adds itself (labels). -->
  <!-- Name written to docProps/app.xml as the producing application. -->
  <xsl:param name="application.name" select="'Attendoc'"/>

  <!-- ==========================================================================================
       Derived values
       ========================================================================================== -->

  <!-- Font sizes in half-points. -->
  <!-- A large-print copy (meta print: large): every size scaled so that the body is at least
       large.print.font.size (16 pt), tables too. -->
  <xsl:param name="large.print.font.size" select="16"/>
  <xsl:variable name="scale">
    <xsl:choose>
      <xsl:when test="/d:document/d:meta/d:print = 'large' and $body.font.size &lt; $large.print.font.size">
        <xsl:value-of select="$large.print.font.size div $body.font.size"/>
      </xsl:when>
      <xsl:otherwise>1</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="sz" select="round($body.font.size * 2 * $scale)"/>
  <xsl:variable name="sz-small" select="round($body.font.size * 2 * 9 div 11 * $scale)"/>   <!-- 9pt at 11 -->
  <xsl:variable name="sz-table">
    <xsl:choose>
      <xsl:when test="$scale != 1"><xsl:value-of select="$sz"/></xsl:when>  <!-- large print: tables at the body's size -->
      <xsl:otherwise><xsl:value-of select="round($body.font.size * 2 * 10 div 11)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>  <!-- 10pt at 11 -->
  <xsl:variable name="sz-heading" select="round($body.font.size * 2 * 12 div 11 * $scale)"/><!-- 12pt at 11 -->
  <xsl:variable name="sz-org" select="round($body.font.size * 2 * 13 div 11 * $scale)"/>    <!-- 13pt at 11 -->
  <xsl:variable name="sz-title" select="round($body.font.size * 2 * 16 div 11 * $scale)"/>  <!-- 16pt at 11 -->
  <xsl:variable name="sz-dense">
    <xsl:choose>
      <xsl:when test="$scale != 1"><xsl:value-of select="$sz"/></xsl:when>  <!-- large print: tables at the body's size -->
      <xsl:otherwise><xsl:value-of select="round($body.font.size * 2 * 8 div 11)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>   <!-- 8pt at 11 -->

  <!-- What the document needs beyond a letter's styles. -->
  <xsl:variable name="is-record" select="boolean(/d:document/d:record)"/>
  <xsl:variable name="has-dense-table"
                select="boolean(/d:document/*/d:body/d:table[count(d:columns/d:column) &gt; $table.dense.columns])"/>
  <!-- Whether the house style has a logo (common/parameters.xsl): its image part, content type,
       relationship and picture on page 1 are written only then. -->
  <xsl:variable name="has-logo" select="$house.logo.uri != '' and ($house.logo.type = 'png' or $house.logo.type = 'jpeg')"/>
  <!-- The sender (letterhead of a letter, heading band of a record). -->
  <xsl:variable name="sender" select="/d:document/d:letter/d:sender | /d:document/d:record/d:sender"/>

  <!-- Width of the text column in twips: right-aligned tab stops and table grid use it. -->
  <xsl:variable name="text-width" select="$page.width - $page.margin.left - $page.margin.right"/>

  <!-- The document language (xml:lang is required by the schema), for spelling and hyphenation. -->
  <xsl:variable name="lang" select="string(/d:document/@xml:lang)"/>

  <!-- XML whitespace characters (what normalize-space() collapses). -->
  <xsl:variable name="ws" select="'&#9;&#10;&#13; '"/>

  <!-- Namespaces of the package parts. -->
  <xsl:variable name="ns-w" select="'http://schemas.openxmlformats.org/wordprocessingml/2006/main'"/>
  <xsl:variable name="rel-base" select="'http://schemas.openxmlformats.org/officeDocument/2006/relationships/'"/>

  <!-- ==========================================================================================
       Entry point: check the input, then write the requested part.
       ========================================================================================== -->

  <xsl:template match="/">
    <xsl:if test="not(d:document)">
      <xsl:message terminate="yes">docx.xsl: the root element must be {urn:attendoc:document:1}document, found {<xsl:value-of select="namespace-uri(*)"/>}<xsl:value-of select="local-name(*)"/>.</xsl:message>
    </xsl:if>
    <!-- Walk the whole input once; stops on any element the stylesheet does not know. -->
    <xsl:apply-templates select="d:document" mode="check"/>

    <xsl:choose>
      <xsl:when test="$part = 'package'"><xsl:call-template name="package"/></xsl:when>
      <xsl:when test="$part = 'content-types'"><xsl:call-template name="part-content-types"/></xsl:when>
      <xsl:when test="$part = 'package-rels'"><xsl:call-template name="part-package-rels"/></xsl:when>
      <xsl:when test="$part = 'core'"><xsl:call-template name="part-core"/></xsl:when>
      <xsl:when test="$part = 'app'"><xsl:call-template name="part-app"/></xsl:when>
      <xsl:when test="$part = 'document'"><xsl:call-template name="part-document"/></xsl:when>
      <xsl:when test="$part = 'document-rels'"><xsl:call-template name="part-document-rels"/></xsl:when>
      <xsl:when test="$part = 'styles'"><xsl:call-template name="part-styles"/></xsl:when>
      <xsl:when test="$part = 'settings'"><xsl:call-template name="part-settings"/></xsl:when>
      <xsl:when test="$part = 'numbering'"><xsl:call-template name="part-numbering"/></xsl:when>
      <xsl:when test="$part = 'header'"><xsl:call-template name="part-header"/></xsl:when>
      <xsl:when test="$part = 'first-page-header'"><xsl:call-template name="part-first-page-header"/></xsl:when>
      <xsl:when test="$part = 'footer'"><xsl:call-template name="part-footer"/></xsl:when>
      <xsl:when test="$part = 'font-table'"><xsl:call-template name="part-font-table"/></xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes">docx.xsl: unknown part '<xsl:value-of select="$part"/>'. Expected package or one of: content-types, package-rels, core, app, document, document-rels, styles, settings, numbering, header, first-page-header, footer, font-table.</xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Every part in one result, in the package's order: each an element `part` (in no
       namespace) whose `path` is the part's path in the zip and whose one child is the part's
       root element. The Swift side writes each child as a document of its own (serialised as
       xsl:output says, exactly as a run for that part alone writes it) and zips them in this
       order. -->
  <xsl:template name="package">
    <parts>
      <part path="[Content_Types].xml"><xsl:call-template name="part-content-types"/></part>
      <part path="_rels/.rels"><xsl:call-template name="part-package-rels"/></part>
      <part path="docProps/core.xml"><xsl:call-template name="part-core"/></part>
      <part path="docProps/app.xml"><xsl:call-template name="part-app"/></part>
      <part path="word/document.xml"><xsl:call-template name="part-document"/></part>
      <part path="word/_rels/document.xml.rels"><xsl:call-template name="part-document-rels"/></part>
      <part path="word/styles.xml"><xsl:call-template name="part-styles"/></part>
      <part path="word/settings.xml"><xsl:call-template name="part-settings"/></part>
      <part path="word/numbering.xml"><xsl:call-template name="part-numbering"/></part>
      <part path="word/header1.xml"><xsl:call-template name="part-header"/></part>
      <part path="word/header2.xml"><xsl:call-template name="part-first-page-header"/></part>
      <part path="word/footer1.xml"><xsl:call-template name="part-footer"/></part>
      <part path="word/fontTable.xml"><xsl:call-template name="part-font-table"/></part>
    </parts>
  </xsl:template>

  <!-- ==========================================================================================
       Mode "check": the vocabulary this stylesheet handles, element by element, in context.
       Keep in step with schema/document.rng. Anything not listed stops the run.
       ========================================================================================== -->

  <xsl:template mode="check" match="
      d:document
    | d:document/d:meta
    | d:meta/d:title | d:meta/d:author | d:meta/d:reference | d:meta/d:date | d:meta/d:audience | d:meta/d:print
    | d:document/d:letter
    | d:letter/d:sender | d:letter/d:recipient | d:letter/d:date | d:letter/d:reference
    | d:letter/d:salutation | d:letter/d:subject | d:letter/d:body | d:letter/d:closing
    | d:letter/d:signature | d:letter/d:enclosures | d:letter/d:copies
    | d:sender/d:organisation | d:sender/d:department | d:sender/d:address
    | d:sender/d:phone | d:sender/d:email | d:sender/d:website
    | d:recipient/d:name | d:recipient/d:address
    | d:address/d:line | d:address/d:postcode
    | d:signature/d:name | d:signature/d:role | d:signature/d:organisation
    | d:signature/d:phone | d:signature/d:email
    | d:document/d:record
    | d:record/d:sender | d:record/d:title | d:record/d:facts | d:record/d:body
    | d:record/d:signatures
    | d:facts/d:fact | d:signatures/d:signature-line | d:signature-line/d:name
    | d:fact/d:em | d:fact/d:strong
    | d:body/d:heading | d:body/d:para | d:body/d:list | d:body/d:table
    | d:list/d:item | d:enclosures/d:item | d:copies/d:item
    | d:table/d:caption | d:table/d:columns | d:columns/d:column | d:table/d:row | d:row/d:cell
    | d:subject/d:em | d:subject/d:strong | d:heading/d:em | d:heading/d:strong
    | d:para/d:em | d:para/d:strong | d:item/d:em | d:item/d:strong
    | d:cell/d:em | d:cell/d:strong">
    <xsl:apply-templates select="*" mode="check"/>
  </xsl:template>

  <xsl:template mode="check" match="*">
    <xsl:call-template name="unhandled"/>
  </xsl:template>

  <!-- Stop the run, naming the element (with its namespace) and where it is. -->
  <xsl:template name="unhandled">
    <xsl:message terminate="yes">docx.xsl: unhandled element {<xsl:value-of select="namespace-uri()"/>}<xsl:value-of select="local-name()"/> at <xsl:for-each select="ancestor-or-self::*">/<xsl:value-of select="local-name()"/></xsl:for-each> - the DOCX stylesheet does not know it; update stylesheets/docx.xsl.</xsl:message>
  </xsl:template>

  <!-- ==========================================================================================
       Package plumbing: content types and relationships.
       ========================================================================================== -->

  <xsl:template name="part-content-types">
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
      <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
      <Default Extension="xml" ContentType="application/xml"/>
      <xsl:if test="$has-logo">
        <Default Extension="{$house.logo.type}" ContentType="image/{$house.logo.type}"/>
      </xsl:if>
      <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
      <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
      <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
      <Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
      <Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
      <Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
      <Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
      <Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>
      <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
      <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
    </Types>
  </xsl:template>

  <xsl:template name="part-package-rels">
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
      <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
      <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
      <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>
    </Relationships>
  </xsl:template>

  <!-- Relationship ids used by document.xml: rId5 (header), rId6 (footer), rId7 (first-page header) in w:sectPr;
       rId8 the house style's logo (only with one). -->
  <xsl:template name="part-document-rels">
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
      <Relationship Id="rId1" Type="{$rel-base}styles" Target="styles.xml"/>
      <Relationship Id="rId2" Type="{$rel-base}settings" Target="settings.xml"/>
      <Relationship Id="rId3" Type="{$rel-base}numbering" Target="numbering.xml"/>
      <Relationship Id="rId4" Type="{$rel-base}fontTable" Target="fontTable.xml"/>
      <Relationship Id="rId5" Type="{$rel-base}header" Target="header1.xml"/>
      <Relationship Id="rId6" Type="{$rel-base}footer" Target="footer1.xml"/>
      <Relationship Id="rId7" Type="{$rel-base}header" Target="header2.xml"/>
      <xsl:if test="$has-logo">
        <Relationship Id="rId8" Type="{$rel-base}image" Target="media/logo.{$house.logo.type}"/>
      </xsl:if>
    </Relationships>
  </xsl:template>

  <!-- ==========================================================================================
       Document properties. Dates come from meta/date/@iso, never from the clock, so the same
       input always gives the same bytes.
       ========================================================================================== -->

  <xsl:template name="part-core">
    <xsl:variable name="meta" select="/d:document/d:meta"/>
    <xsl:variable name="when" select="concat($meta/d:date/@iso, 'T00:00:00Z')"/>
    <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
                       xmlns:dc="http://purl.org/dc/elements/1.1/"
                       xmlns:dcterms="http://purl.org/dc/terms/"
                       xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
      <dc:title><xsl:value-of select="normalize-space($meta/d:title)"/></dc:title>
      <dc:creator><xsl:value-of select="normalize-space($meta/d:author)"/></dc:creator>
      <cp:lastModifiedBy><xsl:value-of select="normalize-space($meta/d:author)"/></cp:lastModifiedBy>
      <dc:identifier><xsl:value-of select="normalize-space($meta/d:reference)"/></dc:identifier>
      <dc:language><xsl:value-of select="$lang"/></dc:language>
      <cp:category><xsl:value-of select="/d:document/@kind"/></cp:category>
      <cp:revision>1</cp:revision>
      <dcterms:created xsi:type="dcterms:W3CDTF"><xsl:value-of select="$when"/></dcterms:created>
      <dcterms:modified xsi:type="dcterms:W3CDTF"><xsl:value-of select="$when"/></dcterms:modified>
    </cp:coreProperties>
  </xsl:template>

  <xsl:template name="part-app">
    <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">
      <Application><xsl:value-of select="$application.name"/></Application>
      <DocSecurity>0</DocSecurity>
      <Company><xsl:value-of select="normalize-space($sender/d:organisation)"/></Company>
    </Properties>
  </xsl:template>

  <!-- ==========================================================================================
       word/settings.xml (children in schema order).
       ========================================================================================== -->

  <xsl:template name="part-settings">
    <w:settings>
      <w:zoom w:percent="100"/>
      <w:defaultTabStop w:val="720"/>
      <w:characterSpacingControl w:val="doNotCompress"/>
      <w:compat>
        <w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>
      </w:compat>
      <w:themeFontLang w:val="{$lang}"/>
      <w:decimalSymbol w:val="."/>
      <w:listSeparator w:val=","/>
    </w:settings>
  </xsl:template>

  <!-- ==========================================================================================
       word/fontTable.xml
       ========================================================================================== -->

  <xsl:template name="part-font-table">
    <w:fonts>
      <w:font w:name="{$font.family}">
        <xsl:if test="$font.family = 'Arial'">
          <w:panose1 w:val="020B0604020202020204"/>
        </xsl:if>
        <w:charset w:val="00"/>
        <w:family w:val="swiss"/>
        <w:pitch w:val="variable"/>
      </w:font>
    </w:fonts>
  </xsl:template>

  <!-- ==========================================================================================
       word/numbering.xml: one bullet definition (numId 1) used by the "List Bullet" style.
       Nine levels, so Tab/Shift+Tab in Word or LibreOffice keeps working. Bullet characters are
       ordinary Unicode in the text font (no Symbol-font code points).
       ========================================================================================== -->

  <xsl:template name="part-numbering">
    <w:numbering>
      <w:abstractNum w:abstractNumId="0">
        <w:multiLevelType w:val="hybridMultilevel"/>
        <xsl:call-template name="bullet-level">
          <xsl:with-param name="level" select="0"/>
        </xsl:call-template>
      </w:abstractNum>
      <w:num w:numId="1">
        <w:abstractNumId w:val="0"/>
      </w:num>
    </w:numbering>
  </xsl:template>

  <xsl:template name="bullet-level">
    <xsl:param name="level"/>
    <w:lvl w:ilvl="{$level}">
      <w:start w:val="1"/>
      <w:numFmt w:val="bullet"/>
      <xsl:if test="$level = 0">
        <w:pStyle w:val="ListBullet"/>
      </xsl:if>
      <w:lvlText>
        <xsl:attribute name="w:val">
          <xsl:choose>
            <xsl:when test="$level mod 2 = 1">&#8211;</xsl:when>  <!-- en dash -->
            <xsl:otherwise>&#8226;</xsl:otherwise>                 <!-- bullet -->
          </xsl:choose>
        </xsl:attribute>
      </w:lvlText>
      <w:lvlJc w:val="left"/>
      <w:pPr>
        <w:ind w:left="{360 * ($level + 1)}" w:hanging="360"/>
      </w:pPr>
      <w:rPr>
        <w:rFonts w:ascii="{$font.family}" w:hAnsi="{$font.family}" w:cs="{$font.family}"/>
      </w:rPr>
    </w:lvl>
    <xsl:if test="$level &lt; 8">
      <xsl:call-template name="bullet-level">
        <xsl:with-param name="level" select="$level + 1"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ==========================================================================================
       word/styles.xml

       Paragraph styles (w:styleId / name shown in Word):
         Normal               Normal                 base of everything: font, size, colour
         BodyText             Body Text              body paragraphs
         Heading1             heading 1              body headings (d:heading)
         ListBullet           List Bullet            body lists (bullets from numbering.xml)
         Caption              caption                table captions, above the table
         TableText            Table Text             table cells
         TableHeading         Table Heading          table header row (bold)
         TableTotal           Table Total            table total row (bold)
         SenderOrganisation   Sender Organisation    letterhead: organisation (bold)
         SenderAddress        Sender Address         letterhead: other lines, right-aligned
         RecipientName        Recipient Name         recipient: name line
         RecipientAddress     Recipient Address      recipient: address lines
         Date                 Date                   the letter's date
         Reference            Reference              "Our reference: ..." lines
         Salutation           Salutation             "Dear ..."
         Subject              Subject                subject line (bold)
         Closing              Closing                "Yours sincerely"
         SignatureName        Signature Name         signatory's name, with space above to sign
         Signature            Signature              role, organisation, contact
         EnclosuresHeading    Enclosures Heading     "Enclosures:"
         EnclosuresItem       Enclosures Item        one enclosure
         CopiesHeading        Copies Heading         "Copy to:"
         CopiesItem           Copies Item            one copy recipient
         Header, Footer       header, footer         running header and footer
       Character styles: DefaultParagraphFont, ReferenceLabel.
       Table styles: TableNormal (default), LetterTable.
       Spacing values are twips (120 = 6pt).
       ========================================================================================== -->

  <xsl:template name="part-styles">
    <w:styles>
      <w:docDefaults>
        <w:rPrDefault>
          <w:rPr>
            <w:rFonts w:ascii="{$font.family}" w:hAnsi="{$font.family}" w:eastAsia="{$font.family}" w:cs="{$font.family}"/>
            <w:color w:val="{$text.colour}"/>
            <w:sz w:val="{$sz}"/>
            <w:szCs w:val="{$sz}"/>
            <w:lang w:val="{$lang}" w:eastAsia="{$lang}" w:bidi="ar-SA"/>
          </w:rPr>
        </w:rPrDefault>
        <w:pPrDefault>
          <w:pPr>
            <w:spacing w:after="0" w:line="264" w:lineRule="auto"/>
          </w:pPr>
        </w:pPrDefault>
      </w:docDefaults>

      <!-- Defaults Word expects to exist. -->
      <w:style w:type="paragraph" w:default="1" w:styleId="Normal">
        <w:name w:val="Normal"/>
        <w:qFormat/>
        <w:pPr>
          <w:widowControl/>
          <w:spacing w:after="0" w:line="264" w:lineRule="auto"/>
        </w:pPr>
        <w:rPr>
          <w:rFonts w:ascii="{$font.family}" w:hAnsi="{$font.family}" w:eastAsia="{$font.family}" w:cs="{$font.family}"/>
          <w:color w:val="{$text.colour}"/>
          <w:sz w:val="{$sz}"/>
          <w:szCs w:val="{$sz}"/>
          <w:lang w:val="{$lang}"/>
        </w:rPr>
      </w:style>
      <w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">
        <w:name w:val="Default Paragraph Font"/>
        <w:uiPriority w:val="1"/>
        <w:semiHidden/>
        <w:unhideWhenUsed/>
      </w:style>
      <w:style w:type="table" w:default="1" w:styleId="TableNormal">
        <w:name w:val="Normal Table"/>
        <w:uiPriority w:val="99"/>
        <w:semiHidden/>
        <w:unhideWhenUsed/>
        <w:tblPr>
          <w:tblInd w:w="0" w:type="dxa"/>
          <w:tblCellMar>
            <w:top w:w="0" w:type="dxa"/>
            <w:left w:w="108" w:type="dxa"/>
            <w:bottom w:w="0" w:type="dxa"/>
            <w:right w:w="108" w:type="dxa"/>
          </w:tblCellMar>
        </w:tblPr>
      </w:style>
      <w:style w:type="numbering" w:default="1" w:styleId="NoList">
        <w:name w:val="No List"/>
        <w:uiPriority w:val="99"/>
        <w:semiHidden/>
        <w:unhideWhenUsed/>
      </w:style>

      <!-- Body. -->
      <w:style w:type="paragraph" w:styleId="BodyText">
        <w:name w:val="Body Text"/>
        <w:basedOn w:val="Normal"/>
        <w:qFormat/>
        <w:pPr>
          <w:spacing w:after="180"/>
        </w:pPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="Heading1">
        <w:name w:val="heading 1"/>
        <w:basedOn w:val="Normal"/>
        <w:next w:val="BodyText"/>
        <w:uiPriority w:val="9"/>
        <w:qFormat/>
        <w:pPr>
          <w:keepNext/>
          <w:keepLines/>
          <w:spacing w:before="240" w:after="100"/>
          <w:outlineLvl w:val="0"/>
        </w:pPr>
        <w:rPr>
          <w:b/>
          <w:bCs/>
          <w:color w:val="{$accent.colour}"/>
          <w:sz w:val="{$sz-heading}"/>
          <w:szCs w:val="{$sz-heading}"/>
        </w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="ListBullet">
        <w:name w:val="List Bullet"/>
        <w:basedOn w:val="Normal"/>
        <w:uiPriority w:val="99"/>
        <w:qFormat/>
        <w:pPr>
          <w:numPr>
            <w:numId w:val="1"/>
          </w:numPr>
          <w:spacing w:after="80"/>
          <w:ind w:left="360" w:hanging="360"/>
        </w:pPr>
      </w:style>

      <!-- Tables. -->
      <w:style w:type="paragraph" w:styleId="Caption">
        <w:name w:val="caption"/>
        <w:basedOn w:val="Normal"/>
        <w:next w:val="BodyText"/>
        <w:uiPriority w:val="35"/>
        <w:qFormat/>
        <w:pPr>
          <w:keepNext/>
          <w:spacing w:before="60" w:after="80"/>
        </w:pPr>
        <w:rPr>
          <w:b/>
          <w:bCs/>
          <w:sz w:val="{$sz-table}"/>
          <w:szCs w:val="{$sz-table}"/>
        </w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="TableText">
        <w:name w:val="Table Text"/>
        <w:basedOn w:val="Normal"/>
        <w:qFormat/>
        <w:pPr>
          <w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/>
        </w:pPr>
        <w:rPr>
          <w:sz w:val="{$sz-table}"/>
          <w:szCs w:val="{$sz-table}"/>
        </w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="TableHeading">
        <w:name w:val="Table Heading"/>
        <w:basedOn w:val="TableText"/>
        <w:qFormat/>
        <w:pPr>
          <w:keepNext/>
        </w:pPr>
        <w:rPr>
          <w:b/>
          <w:bCs/>
        </w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="TableTotal">
        <w:name w:val="Table Total"/>
        <w:basedOn w:val="TableText"/>
        <w:qFormat/>
        <w:rPr>
          <w:b/>
          <w:bCs/>
        </w:rPr>
      </w:style>
      <w:style w:type="table" w:styleId="LetterTable">
        <w:name w:val="Letter Table"/>
        <w:basedOn w:val="TableNormal"/>
        <w:uiPriority w:val="59"/>
        <w:pPr>
          <w:spacing w:after="0"/>
        </w:pPr>
        <w:tblPr>
          <w:tblBorders>
            <w:top w:val="single" w:sz="4" w:space="0" w:color="{$table.border.colour}"/>
            <w:left w:val="single" w:sz="4" w:space="0" w:color="{$table.border.colour}"/>
            <w:bottom w:val="single" w:sz="4" w:space="0" w:color="{$table.border.colour}"/>
            <w:right w:val="single" w:sz="4" w:space="0" w:color="{$table.border.colour}"/>
            <w:insideH w:val="single" w:sz="4" w:space="0" w:color="{$table.border.colour}"/>
            <w:insideV w:val="single" w:sz="4" w:space="0" w:color="{$table.border.colour}"/>
          </w:tblBorders>
          <w:tblCellMar>
            <w:left w:w="100" w:type="dxa"/>
            <w:right w:w="100" w:type="dxa"/>
          </w:tblCellMar>
        </w:tblPr>
        <w:tblStylePr w:type="firstRow">
          <w:rPr>
            <w:b/>
            <w:bCs/>
          </w:rPr>
          <w:tcPr>
            <w:shd w:val="clear" w:color="auto" w:fill="{$table.header.background.colour}"/>
          </w:tcPr>
        </w:tblStylePr>
      </w:style>

      <!-- Letter furniture. -->
      <w:style w:type="paragraph" w:styleId="SenderAddress">
        <w:name w:val="Sender Address"/>
        <w:basedOn w:val="Normal"/>
        <w:qFormat/>
        <w:pPr>
          <w:jc w:val="right"/>
        </w:pPr>
        <w:rPr>
          <w:sz w:val="{$sz-table}"/>
          <w:szCs w:val="{$sz-table}"/>
        </w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="SenderOrganisation">
        <w:name w:val="Sender Organisation"/>
        <w:basedOn w:val="SenderAddress"/>
        <w:next w:val="SenderAddress"/>
        <w:qFormat/>
        <w:pPr>
          <w:spacing w:after="20"/>
        </w:pPr>
        <w:rPr>
          <w:b/>
          <w:bCs/>
          <w:color w:val="{$accent.colour}"/>
          <w:sz w:val="{$sz-org}"/>
          <w:szCs w:val="{$sz-org}"/>
        </w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="RecipientAddress">
        <w:name w:val="Recipient Address"/>
        <w:basedOn w:val="Normal"/>
        <w:qFormat/>
      </w:style>
      <w:style w:type="paragraph" w:styleId="RecipientName">
        <w:name w:val="Recipient Name"/>
        <w:basedOn w:val="RecipientAddress"/>
        <w:next w:val="RecipientAddress"/>
        <w:qFormat/>
        <w:pPr>
          <w:spacing w:before="300"/>
        </w:pPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="Date">
        <w:name w:val="Date"/>
        <w:basedOn w:val="Normal"/>
        <w:next w:val="Reference"/>
        <w:qFormat/>
        <w:pPr>
          <w:spacing w:before="360" w:after="180"/>
        </w:pPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="Reference">
        <w:name w:val="Reference"/>
        <w:basedOn w:val="Normal"/>
        <w:qFormat/>
      </w:style>
      <w:style w:type="character" w:styleId="ReferenceLabel">
        <w:name w:val="Reference Label"/>
        <w:basedOn w:val="DefaultParagraphFont"/>
        <w:qFormat/>
        <w:rPr>
          <w:b/>
          <w:bCs/>
        </w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="Salutation">
        <w:name w:val="Salutation"/>
        <w:basedOn w:val="Normal"/>
        <w:next w:val="BodyText"/>
        <w:qFormat/>
        <w:pPr>
          <w:spacing w:before="300" w:after="180"/>
        </w:pPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="Subject">
        <w:name w:val="Subject"/>
        <w:basedOn w:val="Normal"/>
        <w:next w:val="BodyText"/>
        <w:qFormat/>
        <w:pPr>
          <w:keepNext/>
          <w:spacing w:after="180"/>
        </w:pPr>
        <w:rPr>
          <w:b/>
          <w:bCs/>
        </w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="Closing">
        <w:name w:val="Closing"/>
        <w:basedOn w:val="Normal"/>
        <w:next w:val="SignatureName"/>
        <w:qFormat/>
        <w:pPr>
          <w:keepNext/>
          <w:spacing w:before="120"/>
        </w:pPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="Signature">
        <w:name w:val="Signature"/>
        <w:basedOn w:val="Normal"/>
        <w:qFormat/>
        <w:pPr>
          <w:keepNext/>
        </w:pPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="SignatureName">
        <w:name w:val="Signature Name"/>
        <w:basedOn w:val="Signature"/>
        <w:next w:val="Signature"/>
        <w:qFormat/>
        <w:pPr>
          <w:spacing w:before="{$signature.space}"/>
        </w:pPr>
        <w:rPr>
          <w:b/>
          <w:bCs/>
        </w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="EnclosuresHeading">
        <w:name w:val="Enclosures Heading"/>
        <w:basedOn w:val="Normal"/>
        <w:next w:val="EnclosuresItem"/>
        <w:qFormat/>
        <w:pPr>
          <w:keepNext/>
          <w:spacing w:before="300"/>
        </w:pPr>
        <w:rPr>
          <w:b/>
          <w:bCs/>
        </w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="EnclosuresItem">
        <w:name w:val="Enclosures Item"/>
        <w:basedOn w:val="Normal"/>
        <w:qFormat/>
        <w:pPr>
          <w:ind w:left="360"/>
        </w:pPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="CopiesHeading">
        <w:name w:val="Copies Heading"/>
        <w:basedOn w:val="EnclosuresHeading"/>
        <w:next w:val="CopiesItem"/>
        <w:qFormat/>
        <w:pPr>
          <w:spacing w:before="180"/>
        </w:pPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="CopiesItem">
        <w:name w:val="Copies Item"/>
        <w:basedOn w:val="EnclosuresItem"/>
        <w:qFormat/>
      </w:style>

      <!-- Running header and footer: small, muted, with a right-aligned tab at the text edge. -->
      <w:style w:type="paragraph" w:styleId="Header">
        <w:name w:val="header"/>
        <w:basedOn w:val="Normal"/>
        <w:uiPriority w:val="99"/>
        <w:unhideWhenUsed/>
        <w:pPr>
          <w:pBdr>
            <w:bottom w:val="single" w:sz="4" w:space="3" w:color="{$accent.colour}"/>
          </w:pBdr>
          <w:tabs>
            <w:tab w:val="right" w:pos="{$text-width}"/>
          </w:tabs>
        </w:pPr>
        <w:rPr>
          <w:color w:val="{$muted.colour}"/>
          <w:sz w:val="{$sz-small}"/>
          <w:szCs w:val="{$sz-small}"/>
        </w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="Footer">
        <w:name w:val="footer"/>
        <w:basedOn w:val="Normal"/>
        <w:uiPriority w:val="99"/>
        <w:unhideWhenUsed/>
        <w:pPr>
          <w:tabs>
            <w:tab w:val="right" w:pos="{$text-width}"/>
          </w:tabs>
        </w:pPr>
        <w:rPr>
          <w:color w:val="{$muted.colour}"/>
          <w:sz w:val="{$sz-small}"/>
          <w:szCs w:val="{$sz-small}"/>
        </w:rPr>
      </w:style>
      <xsl:if test="$has-dense-table">
        <xsl:call-template name="dense-table-styles"/>
      </xsl:if>
      <xsl:if test="$is-record">
        <xsl:call-template name="record-styles"/>
      </xsl:if>
    </w:styles>
  </xsl:template>

  <!-- Table text for tables of many columns: as Table Text / Heading / Total, smaller.
         TableTextDense       Table Text Dense       cells
         TableHeadingDense    Table Heading Dense    header row
         TableTotalDense      Table Total Dense      total row -->
  <xsl:template name="dense-table-styles">
    <w:style w:type="paragraph" w:styleId="TableTextDense">
      <w:name w:val="Table Text Dense"/>
      <w:basedOn w:val="TableText"/>
      <w:qFormat/>
      <w:pPr>
        <w:spacing w:before="30" w:after="30"/>
      </w:pPr>
      <w:rPr>
        <w:sz w:val="{$sz-dense}"/>
        <w:szCs w:val="{$sz-dense}"/>
      </w:rPr>
    </w:style>
    <w:style w:type="paragraph" w:styleId="TableHeadingDense">
      <w:name w:val="Table Heading Dense"/>
      <w:basedOn w:val="TableTextDense"/>
      <w:qFormat/>
      <w:pPr>
        <w:keepNext/>
      </w:pPr>
      <w:rPr>
        <w:b/>
        <w:bCs/>
      </w:rPr>
    </w:style>
    <w:style w:type="paragraph" w:styleId="TableTotalDense">
      <w:name w:val="Table Total Dense"/>
      <w:basedOn w:val="TableTextDense"/>
      <w:qFormat/>
      <w:rPr>
        <w:b/>
        <w:bCs/>
      </w:rPr>
    </w:style>
  </xsl:template>

  <!-- Styles of a record.
         RecordOrganisation   Record Organisation    heading band: organisation (left)
         RecordDepartment     Record Department      heading band: department (left)
         RecordSender         Record Sender          heading band: address, contacts (right)
         Title                Title                  the record's title
         FactLabel            Fact Label             facts: the label (bold)
         FactValue            Fact Value             facts: the value
         SigningLabel         Signing Label          who signs (bold), space above
         SigningName          Signing Name           their name
         SigningLine          Signing Line           "Signed:" / "Date:" with a line to write on -->
  <xsl:template name="record-styles">
    <w:style w:type="paragraph" w:styleId="RecordOrganisation">
      <w:name w:val="Record Organisation"/>
      <w:basedOn w:val="Normal"/>
      <w:next w:val="RecordDepartment"/>
      <w:qFormat/>
      <w:pPr>
        <w:spacing w:after="20"/>
      </w:pPr>
      <w:rPr>
        <w:b/>
        <w:bCs/>
        <w:color w:val="{$accent.colour}"/>
        <w:sz w:val="{$sz-org}"/>
        <w:szCs w:val="{$sz-org}"/>
      </w:rPr>
    </w:style>
    <w:style w:type="paragraph" w:styleId="RecordDepartment">
      <w:name w:val="Record Department"/>
      <w:basedOn w:val="Normal"/>
      <w:qFormat/>
      <w:rPr>
        <w:color w:val="{$accent.colour}"/>
        <w:sz w:val="{$sz-table}"/>
        <w:szCs w:val="{$sz-table}"/>
      </w:rPr>
    </w:style>
    <w:style w:type="paragraph" w:styleId="RecordSender">
      <w:name w:val="Record Sender"/>
      <w:basedOn w:val="Normal"/>
      <w:qFormat/>
      <w:pPr>
        <w:jc w:val="right"/>
      </w:pPr>
      <w:rPr>
        <w:color w:val="{$muted.colour}"/>
        <w:sz w:val="{$sz-small}"/>
        <w:szCs w:val="{$sz-small}"/>
      </w:rPr>
    </w:style>
    <w:style w:type="paragraph" w:styleId="Title">
      <w:name w:val="Title"/>
      <w:basedOn w:val="Normal"/>
      <w:next w:val="BodyText"/>
      <w:uiPriority w:val="10"/>
      <w:qFormat/>
      <w:pPr>
        <w:keepNext/>
        <w:keepLines/>
        <w:spacing w:before="360" w:after="200" w:line="240" w:lineRule="auto"/>
      </w:pPr>
      <w:rPr>
        <w:b/>
        <w:bCs/>
        <w:color w:val="{$accent.colour}"/>
        <w:sz w:val="{$sz-title}"/>
        <w:szCs w:val="{$sz-title}"/>
      </w:rPr>
    </w:style>
    <w:style w:type="paragraph" w:styleId="FactLabel">
      <w:name w:val="Fact Label"/>
      <w:basedOn w:val="Normal"/>
      <w:next w:val="FactValue"/>
      <w:qFormat/>
      <w:pPr>
        <w:spacing w:before="40" w:after="40"/>
      </w:pPr>
      <w:rPr>
        <w:b/>
        <w:bCs/>
      </w:rPr>
    </w:style>
    <w:style w:type="paragraph" w:styleId="FactValue">
      <w:name w:val="Fact Value"/>
      <w:basedOn w:val="Normal"/>
      <w:qFormat/>
      <w:pPr>
        <w:spacing w:before="40" w:after="40"/>
      </w:pPr>
    </w:style>
    <w:style w:type="paragraph" w:styleId="SigningLabel">
      <w:name w:val="Signing Label"/>
      <w:basedOn w:val="Normal"/>
      <w:next w:val="SigningName"/>
      <w:qFormat/>
      <w:pPr>
        <w:keepNext/>
        <w:keepLines/>
        <w:spacing w:before="480"/>
      </w:pPr>
      <w:rPr>
        <w:b/>
        <w:bCs/>
      </w:rPr>
    </w:style>
    <w:style w:type="paragraph" w:styleId="SigningName">
      <w:name w:val="Signing Name"/>
      <w:basedOn w:val="Normal"/>
      <w:next w:val="SigningLine"/>
      <w:qFormat/>
      <w:pPr>
        <w:keepNext/>
        <w:keepLines/>
      </w:pPr>
    </w:style>
    <w:style w:type="paragraph" w:styleId="SigningLine">
      <w:name w:val="Signing Line"/>
      <w:basedOn w:val="Normal"/>
      <w:qFormat/>
      <w:pPr>
        <w:keepLines/>
        <w:spacing w:before="480"/>
      </w:pPr>
    </w:style>
  </xsl:template>

  <!-- ==========================================================================================
       word/header1.xml (pages 2 onwards), word/header2.xml (page 1) and word/footer1.xml (every page).
       ========================================================================================== -->

  <!-- Header: sender organisation, department right-aligned on the same line. -->
  <xsl:template name="part-header">
    <w:hdr>
      <w:p>
        <w:pPr><w:pStyle w:val="Header"/></w:pPr>
        <xsl:call-template name="run">
          <xsl:with-param name="text" select="normalize-space($sender/d:organisation)"/>
        </xsl:call-template>
        <xsl:if test="$sender/d:department">
          <w:r><w:tab/></w:r>
          <xsl:call-template name="run">
            <xsl:with-param name="text" select="normalize-space($sender/d:department)"/>
          </xsl:call-template>
        </xsl:if>
      </w:p>
    </w:hdr>
  </xsl:template>

  <!-- Page 1's header is empty: the letterhead on the page already names the sender. -->
  <xsl:template name="part-first-page-header">
    <w:hdr>
      <xsl:choose>
        <!-- A record's heading band has its own rule below it: no second rule above it. -->
        <xsl:when test="$is-record">
          <w:p><w:pPr><w:pStyle w:val="Header"/><w:pBdr><w:bottom w:val="nil"/></w:pBdr></w:pPr></w:p>
        </xsl:when>
        <xsl:otherwise>
          <w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr></w:p>
        </xsl:otherwise>
      </xsl:choose>
    </w:hdr>
  </xsl:template>

  <!-- Footer: the document reference left, "Page X of Y" right, as PAGE / NUMPAGES fields. -->
  <xsl:template name="part-footer">
    <w:ftr>
      <w:p>
        <w:pPr><w:pStyle w:val="Footer"/></w:pPr>
        <xsl:call-template name="run">
          <xsl:with-param name="text" select="concat(concat($label.reference, ': '), normalize-space(/d:document/d:meta/d:reference))"/>
        </xsl:call-template>
        <w:r><w:tab/></w:r>
        <xsl:call-template name="run">
          <xsl:with-param name="text" select="concat($label.page, ' ')"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="instruction" select="'PAGE'"/>
        </xsl:call-template>
        <xsl:call-template name="run">
          <xsl:with-param name="text" select="concat(' ', $label.of, ' ')"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="instruction" select="'NUMPAGES'"/>
        </xsl:call-template>
      </w:p>
      <!-- The house style's name and footer wording (common/parameters.xsl), if it has them,
           centred under the reference and page number. -->
      <xsl:variable name="house.footer">
        <xsl:call-template name="house.footer.line"/>
      </xsl:variable>
      <xsl:if test="string($house.footer) != ''">
        <w:p>
          <w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr>
          <xsl:call-template name="run">
            <xsl:with-param name="text" select="string($house.footer)"/>
          </xsl:call-template>
        </w:p>
      </xsl:if>
    </w:ftr>
  </xsl:template>

  <!-- A complex field (begin / instruction / separate / cached result / end). Word and
       LibreOffice recalculate page fields when they lay the document out; "1" is only the cached
       result shown by tools that do not. -->
  <xsl:template name="field">
    <xsl:param name="instruction"/>
    <w:r><w:fldChar w:fldCharType="begin"/></w:r>
    <w:r><w:instrText xml:space="preserve"> <xsl:value-of select="$instruction"/> \* MERGEFORMAT </w:instrText></w:r>
    <w:r><w:fldChar w:fldCharType="separate"/></w:r>
    <w:r><w:rPr><w:noProof/></w:rPr><w:t>1</w:t></w:r>
    <w:r><w:fldChar w:fldCharType="end"/></w:r>
  </xsl:template>

  <!-- ==========================================================================================
       word/document.xml
       ========================================================================================== -->

  <xsl:template name="part-document">
    <w:document xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
      <w:body>
        <!-- The letter's children arrive in schema order, which is the reading order. -->
        <xsl:apply-templates select="/d:document/d:letter/* | /d:document/d:record/*" mode="doc"/>
        <w:sectPr>
          <w:headerReference w:type="default" r:id="rId5"/>
          <w:headerReference w:type="first" r:id="rId7"/>
          <w:footerReference w:type="default" r:id="rId6"/>
          <w:footerReference w:type="first" r:id="rId6"/>
          <w:pgSz w:w="{$page.width}" w:h="{$page.height}"/>
          <w:pgMar w:top="{$page.margin.top}" w:right="{$page.margin.right}" w:bottom="{$page.margin.bottom}"
                   w:left="{$page.margin.left}" w:header="{$header.distance}" w:footer="{$footer.distance}"
                   w:gutter="0"/>
          <w:cols w:space="708"/>
          <!-- Page 1 uses the first-page header (rId7). -->
          <w:titlePg/>
          <w:docGrid w:linePitch="360"/>
        </w:sectPr>
      </w:body>
    </w:document>
  </xsl:template>

  <!-- ==========================================================================================
       Mode "doc": letter structure to paragraphs. Containers recurse with select="*" so that
       every child element reaches a template; the catch-all at the end stops on anything else.
       ========================================================================================== -->

  <!-- Containers without paragraphs of their own. -->
  <xsl:template mode="doc" match="d:letter/d:recipient | d:address | d:letter/d:signature">
    <xsl:apply-templates select="*" mode="doc"/>
  </xsl:template>

  <!-- The letterhead: the house style's logo (if any), then the sender's paragraphs. -->
  <xsl:template mode="doc" match="d:letter/d:sender">
    <xsl:call-template name="house.logo">
      <xsl:with-param name="style" select="'SenderAddress'"/>
    </xsl:call-template>
    <xsl:apply-templates select="*" mode="doc"/>
  </xsl:template>

  <!-- The house style's logo as a paragraph of its own on page 1 (in the letterhead's
       alignment: style), an inline DrawingML picture of the image part (relationship rId8),
       with its alt text. EMU: 635 to a twip. Nothing without a logo. -->
  <xsl:template name="house.logo">
    <xsl:param name="style"/>
    <xsl:if test="$has-logo">
      <xsl:variable name="cy" select="round($letterhead.logo.height * 635)"/>
      <xsl:variable name="cx" select="round($cy * number($house.logo.pixel.width) div number($house.logo.pixel.height))"/>
      <w:p>
        <w:pPr><w:pStyle w:val="{$style}"/><w:spacing w:after="120"/></w:pPr>
        <w:r>
          <w:drawing xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
                     xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
                     xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"
                     xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
            <wp:inline distT="0" distB="0" distL="0" distR="0">
              <wp:extent cx="{$cx}" cy="{$cy}"/>
              <wp:effectExtent l="0" t="0" r="0" b="0"/>
              <wp:docPr id="1" name="Logo" descr="{$house.logo.description}"/>
              <wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>
              <a:graphic>
                <a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">
                  <pic:pic>
                    <pic:nvPicPr>
                      <pic:cNvPr id="1" name="logo.{$house.logo.type}" descr="{$house.logo.description}"/>
                      <pic:cNvPicPr/>
                    </pic:nvPicPr>
                    <pic:blipFill>
                      <a:blip r:embed="rId8"/>
                      <a:stretch><a:fillRect/></a:stretch>
                    </pic:blipFill>
                    <pic:spPr>
                      <a:xfrm><a:off x="0" y="0"/><a:ext cx="{$cx}" cy="{$cy}"/></a:xfrm>
                      <a:prstGeom prst="rect"><a:avLst/></a:prstGeom>
                    </pic:spPr>
                  </pic:pic>
                </a:graphicData>
              </a:graphic>
            </wp:inline>
          </w:drawing>
        </w:r>
      </w:p>
    </xsl:if>
  </xsl:template>

  <!-- Letterhead block, right-aligned at the top of the first page. -->
  <xsl:template mode="doc" match="d:sender/d:organisation">
    <xsl:call-template name="simple-para">
      <xsl:with-param name="style" select="'SenderOrganisation'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template mode="doc" match="d:sender/d:department | d:sender/d:address/d:line | d:sender/d:address/d:postcode">
    <xsl:call-template name="simple-para">
      <xsl:with-param name="style" select="'SenderAddress'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template mode="doc" match="d:sender/d:phone | d:sender/d:email | d:sender/d:website">
    <xsl:call-template name="simple-para">
      <xsl:with-param name="style" select="'SenderAddress'"/>
      <xsl:with-param name="label">
        <xsl:call-template name="contact-label"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Recipient, left-aligned below the letterhead. -->
  <xsl:template mode="doc" match="d:recipient/d:name">
    <xsl:call-template name="simple-para">
      <xsl:with-param name="style" select="'RecipientName'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template mode="doc" match="d:recipient/d:address/d:line | d:recipient/d:address/d:postcode">
    <xsl:call-template name="simple-para">
      <xsl:with-param name="style" select="'RecipientAddress'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template mode="doc" match="d:letter/d:date">
    <xsl:call-template name="simple-para">
      <xsl:with-param name="style" select="'Date'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- "Label: value", the label in the Reference Label character style (bold). -->
  <xsl:template mode="doc" match="d:letter/d:reference">
    <w:p>
      <w:pPr><w:pStyle w:val="Reference"/></w:pPr>
      <w:r>
        <w:rPr><w:rStyle w:val="ReferenceLabel"/></w:rPr>
        <w:t xml:space="preserve"><xsl:value-of select="concat(normalize-space(@label), ':')"/></w:t>
      </w:r>
      <xsl:call-template name="run">
        <xsl:with-param name="text" select="concat(' ', normalize-space(.))"/>
      </xsl:call-template>
    </w:p>
  </xsl:template>

  <xsl:template mode="doc" match="d:letter/d:salutation">
    <xsl:call-template name="simple-para">
      <xsl:with-param name="style" select="'Salutation'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template mode="doc" match="d:letter/d:subject">
    <w:p>
      <w:pPr><w:pStyle w:val="Subject"/></w:pPr>
      <xsl:apply-templates mode="inline"/>
    </w:p>
  </xsl:template>

  <xsl:template mode="doc" match="d:letter/d:body | d:record/d:body">
    <xsl:apply-templates select="*" mode="doc"/>
  </xsl:template>

  <xsl:template mode="doc" match="d:letter/d:closing">
    <xsl:call-template name="simple-para">
      <xsl:with-param name="style" select="'Closing'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Signature: name (with space above to sign), role, organisation, contact details. -->
  <xsl:template mode="doc" match="d:signature/d:name">
    <xsl:call-template name="simple-para">
      <xsl:with-param name="style" select="'SignatureName'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template mode="doc" match="d:signature/d:role | d:signature/d:organisation">
    <xsl:call-template name="simple-para">
      <xsl:with-param name="style" select="'Signature'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template mode="doc" match="d:signature/d:phone | d:signature/d:email">
    <xsl:call-template name="simple-para">
      <xsl:with-param name="style" select="'Signature'"/>
      <xsl:with-param name="label">
        <xsl:call-template name="contact-label"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- "Enclosures:" / "Copy to:" followed by one paragraph per item. -->
  <xsl:template mode="doc" match="d:letter/d:enclosures">
    <xsl:call-template name="labelled-list">
      <xsl:with-param name="label" select="concat($label.enclosures, ':')"/>
      <xsl:with-param name="heading-style" select="'EnclosuresHeading'"/>
      <xsl:with-param name="item-style" select="'EnclosuresItem'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template mode="doc" match="d:letter/d:copies">
    <xsl:call-template name="labelled-list">
      <xsl:with-param name="label" select="concat($label.copies, ':')"/>
      <xsl:with-param name="heading-style" select="'CopiesHeading'"/>
      <xsl:with-param name="item-style" select="'CopiesItem'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="labelled-list">
    <xsl:param name="label"/>
    <xsl:param name="heading-style"/>
    <xsl:param name="item-style"/>
    <w:p>
      <w:pPr><w:pStyle w:val="{$heading-style}"/></w:pPr>
      <xsl:call-template name="run">
        <xsl:with-param name="text" select="$label"/>
      </xsl:call-template>
    </w:p>
    <xsl:for-each select="*">
      <xsl:if test="not(self::d:item)">
        <xsl:call-template name="unhandled"/>
      </xsl:if>
      <w:p>
        <w:pPr>
          <w:pStyle w:val="{$item-style}"/>
          <!-- Keep the list together with its label (all but the last item keep with next). -->
          <xsl:if test="following-sibling::*"><w:keepNext/></xsl:if>
        </w:pPr>
        <xsl:apply-templates mode="inline"/>
      </w:p>
    </xsl:for-each>
  </xsl:template>

  <!-- ==========================================================================================
       Records: heading band, title, facts, (body as in a letter), signatures.
       ========================================================================================== -->

  <!-- Heading band: a borderless two-column table, ruled off below in the accent colour.
       Organisation and department on the left; the address on one line and each contact on a
       line of its own on the right. Page 1 has no running header (as for letters). -->
  <xsl:template mode="doc" match="d:record/d:sender">
    <xsl:variable name="left-width" select="$text-width - $record.contact.width"/>
    <xsl:for-each select="*[not(self::d:organisation or self::d:department or self::d:address
                                or self::d:phone or self::d:email or self::d:website)]
                          | d:address/*[not(self::d:line or self::d:postcode)]">
      <xsl:call-template name="unhandled"/>
    </xsl:for-each>
    <w:tbl>
      <w:tblPr>
        <w:tblW w:w="{$text-width}" w:type="dxa"/>
        <w:tblBorders>
          <w:bottom w:val="single" w:sz="12" w:space="0" w:color="{$accent.colour}"/>
        </w:tblBorders>
        <w:tblLayout w:type="fixed"/>
        <w:tblCellMar>
          <w:top w:w="0" w:type="dxa"/>
          <w:left w:w="0" w:type="dxa"/>
          <w:bottom w:w="100" w:type="dxa"/>
          <w:right w:w="0" w:type="dxa"/>
        </w:tblCellMar>
        <w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>
      </w:tblPr>
      <w:tblGrid>
        <w:gridCol w:w="{$left-width}"/>
        <w:gridCol w:w="{$record.contact.width}"/>
      </w:tblGrid>
      <w:tr>
        <w:trPr><w:cantSplit/></w:trPr>
        <w:tc>
          <w:tcPr><w:tcW w:w="{$left-width}" w:type="dxa"/></w:tcPr>
          <xsl:call-template name="house.logo">
            <xsl:with-param name="style" select="'RecordDepartment'"/>
          </xsl:call-template>
          <xsl:for-each select="d:organisation">
            <xsl:call-template name="simple-para">
              <xsl:with-param name="style" select="'RecordOrganisation'"/>
            </xsl:call-template>
          </xsl:for-each>
          <xsl:for-each select="d:department">
            <xsl:call-template name="simple-para">
              <xsl:with-param name="style" select="'RecordDepartment'"/>
            </xsl:call-template>
          </xsl:for-each>
        </w:tc>
        <w:tc>
          <w:tcPr><w:tcW w:w="{$record.contact.width}" w:type="dxa"/></w:tcPr>
          <w:p>
            <w:pPr><w:pStyle w:val="RecordSender"/></w:pPr>
            <xsl:call-template name="run">
              <xsl:with-param name="text">
                <xsl:call-template name="address-on-one-line"/>
              </xsl:with-param>
            </xsl:call-template>
          </w:p>
          <xsl:for-each select="d:phone | d:email | d:website">
            <xsl:call-template name="simple-para">
              <xsl:with-param name="style" select="'RecordSender'"/>
              <xsl:with-param name="label">
                <xsl:call-template name="contact-label"/>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:for-each>
        </w:tc>
      </w:tr>
    </w:tbl>
  </xsl:template>

  <!-- "Hill Lane, Newtown, Exeter EX1 3QT": the context sender's address lines joined by commas,
       the postcode after a space. -->
  <xsl:template name="address-on-one-line">
    <xsl:for-each select="d:address/*">
      <xsl:if test="*">
        <xsl:for-each select="*[1]"><xsl:call-template name="unhandled"/></xsl:for-each>
      </xsl:if>
      <xsl:value-of select="normalize-space(.)"/>
      <xsl:choose>
        <xsl:when test="position() = last()"/>
        <xsl:when test="following-sibling::*[1][self::d:postcode]"><xsl:text> </xsl:text></xsl:when>
        <xsl:otherwise><xsl:text>, </xsl:text></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <xsl:template mode="doc" match="d:record/d:title">
    <xsl:call-template name="simple-para">
      <xsl:with-param name="style" select="'Title'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Facts: a borderless two-column table (label, value), ruled above and below, kept on one
       page. The label column is as wide as the longest label needs (estimated from its
       length), between 3 cm and a third of the text width; a longer label wraps. -->
  <xsl:template mode="doc" match="d:record/d:facts">
    <xsl:variable name="longest">
      <xsl:for-each select="d:fact">
        <xsl:sort select="string-length(normalize-space(@label))" data-type="number" order="descending"/>
        <xsl:if test="position() = 1"><xsl:value-of select="string-length(normalize-space(@label)) + 1"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="estimate" select="round($longest * $body.font.size * 11) + 280"/>
    <xsl:variable name="label-width">
      <xsl:choose>
        <xsl:when test="$estimate &lt; 1701">1701</xsl:when>
        <xsl:when test="$estimate &gt; floor($text-width div 3)"><xsl:value-of select="floor($text-width div 3)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$estimate"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="value-width" select="$text-width - $label-width"/>
    <xsl:for-each select="*[not(self::d:fact)]">
      <xsl:call-template name="unhandled"/>
    </xsl:for-each>
    <w:tbl>
      <w:tblPr>
        <w:tblW w:w="{$text-width}" w:type="dxa"/>
        <w:tblBorders>
          <w:top w:val="single" w:sz="4" w:space="0" w:color="{$table.border.colour}"/>
          <w:bottom w:val="single" w:sz="4" w:space="0" w:color="{$table.border.colour}"/>
        </w:tblBorders>
        <w:tblLayout w:type="fixed"/>
        <w:tblCellMar>
          <w:top w:w="0" w:type="dxa"/>
          <w:left w:w="0" w:type="dxa"/>
          <w:bottom w:w="0" w:type="dxa"/>
          <w:right w:w="113" w:type="dxa"/>
        </w:tblCellMar>
        <w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>
      </w:tblPr>
      <w:tblGrid>
        <w:gridCol w:w="{$label-width}"/>
        <w:gridCol w:w="{$value-width}"/>
      </w:tblGrid>
      <xsl:for-each select="d:fact">
        <xsl:variable name="keep" select="boolean(following-sibling::d:fact)"/>
        <w:tr>
          <w:trPr><w:cantSplit/></w:trPr>
          <w:tc>
            <w:tcPr><w:tcW w:w="{$label-width}" w:type="dxa"/></w:tcPr>
            <w:p>
              <w:pPr>
                <w:pStyle w:val="FactLabel"/>
                <xsl:if test="$keep"><w:keepNext/></xsl:if>
              </w:pPr>
              <xsl:call-template name="run">
                <xsl:with-param name="text" select="concat(normalize-space(@label), ':')"/>
              </xsl:call-template>
            </w:p>
          </w:tc>
          <w:tc>
            <w:tcPr><w:tcW w:w="{$value-width}" w:type="dxa"/></w:tcPr>
            <w:p>
              <w:pPr>
                <w:pStyle w:val="FactValue"/>
                <xsl:if test="$keep"><w:keepNext/></xsl:if>
              </w:pPr>
              <xsl:apply-templates mode="inline"/>
            </w:p>
          </w:tc>
        </w:tr>
      </xsl:for-each>
    </w:tbl>
  </xsl:template>

  <!-- Signatures: a borderless table, two signatures side by side per row. Each signature is
       the label (bold), the name if given, then "Signed:" and "Date:" each followed by an
       underlined tab to write on. A row never splits, so each signature stays on one page. -->
  <xsl:template mode="doc" match="d:record/d:signatures">
    <xsl:variable name="cell-width" select="floor($text-width div 2)"/>
    <xsl:for-each select="*[not(self::d:signature-line)] | d:signature-line/*[not(self::d:name)]">
      <xsl:call-template name="unhandled"/>
    </xsl:for-each>
    <w:tbl>
      <w:tblPr>
        <w:tblW w:w="{$cell-width * 2}" w:type="dxa"/>
        <w:tblLayout w:type="fixed"/>
        <w:tblCellMar>
          <w:top w:w="0" w:type="dxa"/>
          <w:left w:w="0" w:type="dxa"/>
          <w:bottom w:w="0" w:type="dxa"/>
          <w:right w:w="567" w:type="dxa"/>
        </w:tblCellMar>
        <w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>
      </w:tblPr>
      <w:tblGrid>
        <w:gridCol w:w="{$cell-width}"/>
        <w:gridCol w:w="{$cell-width}"/>
      </w:tblGrid>
      <xsl:for-each select="d:signature-line[position() mod 2 = 1]">
        <xsl:variable name="row" select=". | following-sibling::d:signature-line[1]"/>
        <w:tr>
          <w:trPr><w:cantSplit/></w:trPr>
          <xsl:for-each select="$row">
            <w:tc>
              <w:tcPr><w:tcW w:w="{$cell-width}" w:type="dxa"/></w:tcPr>
              <xsl:call-template name="signing-block">
                <xsl:with-param name="width" select="$cell-width - 567"/>
                <xsl:with-param name="row-has-name" select="boolean($row/d:name)"/>
              </xsl:call-template>
            </w:tc>
          </xsl:for-each>
          <xsl:if test="not(following-sibling::d:signature-line)">
            <w:tc>
              <w:tcPr><w:tcW w:w="{$cell-width}" w:type="dxa"/></w:tcPr>
              <w:p><w:pPr><w:pStyle w:val="SigningLabel"/></w:pPr></w:p>
            </w:tc>
          </xsl:if>
        </w:tr>
      </xsl:for-each>
    </w:tbl>
  </xsl:template>

  <!-- One signature (context: d:signature-line), $width twips wide. -->
  <xsl:template name="signing-block">
    <xsl:param name="width"/>
    <xsl:param name="row-has-name" select="false()"/>
    <w:p>
      <w:pPr><w:pStyle w:val="SigningLabel"/></w:pPr>
      <xsl:call-template name="run">
        <xsl:with-param name="text" select="normalize-space(@label)"/>
      </xsl:call-template>
    </w:p>
    <xsl:for-each select="d:name">
      <xsl:call-template name="simple-para">
        <xsl:with-param name="style" select="'SigningName'"/>
      </xsl:call-template>
    </xsl:for-each>
    <!-- No name, but the signature beside it has one: an empty line, so that the lines to
         write on are level across the row. -->
    <xsl:if test="not(d:name) and $row-has-name">
      <w:p><w:pPr><w:pStyle w:val="SigningName"/></w:pPr></w:p>
    </xsl:if>
    <xsl:call-template name="signing-line">
      <xsl:with-param name="label" select="$label.signed"/>
      <xsl:with-param name="end" select="$width"/>
    </xsl:call-template>
    <xsl:call-template name="signing-line">
      <xsl:with-param name="label" select="$label.signed.date"/>
      <xsl:with-param name="end">
        <xsl:choose>
          <xsl:when test="1134 + $signed.date.line.length &lt; $width">
            <xsl:value-of select="1134 + $signed.date.line.length"/>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="$width"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- "Signed:", a tab to 2 cm (so that the lines of "Signed:" and "Date:" start together), then
       an underlined tab to $end (twips from the start of the cell): the line to write on. -->
  <xsl:template name="signing-line">
    <xsl:param name="label"/>
    <xsl:param name="end"/>
    <w:p>
      <w:pPr>
        <w:pStyle w:val="SigningLine"/>
        <w:tabs>
          <w:tab w:val="left" w:pos="1134"/>
          <w:tab w:val="left" w:pos="{$end}"/>
        </w:tabs>
      </w:pPr>
      <xsl:call-template name="run">
        <xsl:with-param name="text" select="$label"/>
      </xsl:call-template>
      <w:r><w:tab/></w:r>
      <w:r>
        <w:rPr><w:u w:val="single"/></w:rPr>
        <w:tab/>
      </w:r>
    </w:p>
  </xsl:template>

  <!-- ==========================================================================================
       Body blocks.
       ========================================================================================== -->

  <xsl:template mode="doc" match="d:body/d:heading">
    <w:p>
      <w:pPr><w:pStyle w:val="Heading1"/></w:pPr>
      <xsl:apply-templates mode="inline"/>
    </w:p>
  </xsl:template>

  <xsl:template mode="doc" match="d:body/d:para">
    <w:p>
      <w:pPr>
        <w:pStyle w:val="BodyText"/>
        <xsl:call-template name="space-after-table"/>
      </w:pPr>
      <xsl:apply-templates mode="inline"/>
    </w:p>
  </xsl:template>

  <!-- Bullets come from the List Bullet style (numbering.xml numId 1); the last item gets body
       spacing after it so the next paragraph is not cramped. -->
  <xsl:template mode="doc" match="d:body/d:list">
    <xsl:for-each select="*">
      <xsl:if test="not(self::d:item)">
        <xsl:call-template name="unhandled"/>
      </xsl:if>
      <w:p>
        <w:pPr>
          <w:pStyle w:val="ListBullet"/>
          <xsl:choose>
            <xsl:when test="not(preceding-sibling::*) and (../preceding-sibling::*[1][self::d:table]
                            or ../parent::d:body/preceding-sibling::*[1][self::d:facts])">
              <w:spacing w:before="180"/>
            </xsl:when>
            <xsl:when test="not(following-sibling::*)">
              <w:spacing w:after="180"/>
            </xsl:when>
          </xsl:choose>
        </w:pPr>
        <xsl:apply-templates mode="inline"/>
      </w:p>
    </xsl:for-each>
  </xsl:template>

  <!-- A paragraph straight after a table needs space above it (tables have no spacing); so does
       the first paragraph of a record's body after the facts (a table too). -->
  <xsl:template name="space-after-table">
    <xsl:if test="preceding-sibling::*[1][self::d:table]
                  or (not(preceding-sibling::*) and parent::d:body/preceding-sibling::*[1][self::d:facts])">
      <w:spacing w:before="180"/>
    </xsl:if>
  </xsl:template>

  <!-- Table: caption paragraph above, then a real w:tbl. Full text width, fixed layout with the
       first (label) column wider than the figure columns. Header row repeats on each page. -->
  <xsl:template mode="doc" match="d:body/d:table">
    <xsl:variable name="columns" select="d:columns/d:column"/>
    <xsl:variable name="n" select="count($columns)"/>
    <xsl:variable name="unit" select="floor($text-width div ($n + 1))"/>
    <xsl:variable name="first-width" select="$text-width - $unit * ($n - 1)"/>
    <!-- Many columns: smaller text and cell margins (styles ...Dense), so that they fit. -->
    <xsl:variable name="dense" select="$n &gt; $table.dense.columns"/>
    <xsl:variable name="style-suffix">
      <xsl:if test="$dense">Dense</xsl:if>
    </xsl:variable>

    <!-- Rows must not have more cells than there are columns; fewer are padded below. -->
    <xsl:for-each select="d:row[count(d:cell) &gt; $n]">
      <xsl:message terminate="yes">docx.xsl: table row <xsl:value-of select="count(preceding-sibling::d:row) + 1"/> has <xsl:value-of select="count(d:cell)"/> cells but the table declares <xsl:value-of select="$n"/> columns.</xsl:message>
    </xsl:for-each>
    <!-- Only caption, columns and row are expected; anything else stops. -->
    <xsl:for-each select="*[not(self::d:caption or self::d:columns or self::d:row)] | d:columns/*[not(self::d:column)] | d:row/*[not(self::d:cell)]">
      <xsl:call-template name="unhandled"/>
    </xsl:for-each>

    <w:p>
      <w:pPr><w:pStyle w:val="Caption"/></w:pPr>
      <xsl:call-template name="run">
        <xsl:with-param name="text" select="normalize-space(d:caption)"/>
      </xsl:call-template>
    </w:p>
    <w:tbl>
      <w:tblPr>
        <w:tblStyle w:val="LetterTable"/>
        <w:tblW w:w="{$text-width}" w:type="dxa"/>
        <w:tblLayout w:type="fixed"/>
        <xsl:if test="$dense">
          <w:tblCellMar>
            <w:left w:w="57" w:type="dxa"/>
            <w:right w:w="57" w:type="dxa"/>
          </w:tblCellMar>
        </xsl:if>
        <w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>
        <w:tblCaption w:val="{normalize-space(d:caption)}"/>
      </w:tblPr>
      <w:tblGrid>
        <xsl:for-each select="$columns">
          <w:gridCol w:w="{$unit + ($first-width - $unit) * number(position() = 1)}"/>
        </xsl:for-each>
      </w:tblGrid>

      <!-- Header row from the column headings. -->
      <w:tr>
        <w:trPr>
          <w:cantSplit/>
          <w:tblHeader/>
        </w:trPr>
        <xsl:for-each select="$columns">
          <xsl:call-template name="cell">
            <xsl:with-param name="width" select="$unit + ($first-width - $unit) * number(position() = 1)"/>
            <xsl:with-param name="align" select="@align"/>
            <xsl:with-param name="style" select="concat('TableHeading', $style-suffix)"/>
            <xsl:with-param name="fill" select="$table.header.background.colour"/>
            <xsl:with-param name="heading" select="normalize-space(.)"/>
          </xsl:call-template>
        </xsl:for-each>
      </w:tr>

      <xsl:for-each select="d:row">
        <xsl:variable name="row" select="."/>
        <xsl:variable name="total" select="@role = 'total'"/>
        <xsl:variable name="last" select="not(following-sibling::d:row)"/>
        <!-- Short table: keep every row with the next. Long table: only the first row, so the
             header never sits alone at the bottom of a page. -->
        <xsl:variable name="keep" select="not($last) and (count(../d:row) &lt;= $table.keep.rows or position() = 1)"/>
        <w:tr>
          <w:trPr><w:cantSplit/></w:trPr>
          <xsl:for-each select="$columns">
            <xsl:variable name="i" select="position()"/>
            <xsl:call-template name="cell">
              <xsl:with-param name="width" select="$unit + ($first-width - $unit) * number($i = 1)"/>
              <xsl:with-param name="align" select="@align"/>
              <xsl:with-param name="style">
                <xsl:choose>
                  <xsl:when test="$total">TableTotal</xsl:when>
                  <xsl:otherwise>TableText</xsl:otherwise>
                </xsl:choose>
                <xsl:value-of select="$style-suffix"/>
              </xsl:with-param>
              <xsl:with-param name="content" select="$row/d:cell[$i]"/>
              <xsl:with-param name="total" select="$total"/>
              <xsl:with-param name="keep-next" select="$keep"/>
            </xsl:call-template>
          </xsl:for-each>
        </w:tr>
      </xsl:for-each>
    </w:tbl>
  </xsl:template>

  <!-- One table cell: either $heading (plain text, for the header row) or $content (a d:cell
       with inline content; empty for a padded cell). A total row gets a heavier rule above. -->
  <xsl:template name="cell">
    <xsl:param name="width"/>
    <xsl:param name="align"/>
    <xsl:param name="style"/>
    <xsl:param name="fill" select="''"/>
    <xsl:param name="heading" select="''"/>
    <xsl:param name="content" select="/.."/>
    <xsl:param name="total" select="false()"/>
    <xsl:param name="keep-next" select="true()"/>
    <w:tc>
      <w:tcPr>
        <w:tcW w:w="{$width}" w:type="dxa"/>
        <xsl:if test="$total">
          <w:tcBorders>
            <w:top w:val="single" w:sz="12" w:space="0" w:color="{$table.border.colour}"/>
          </w:tcBorders>
        </xsl:if>
        <xsl:if test="$fill != ''">
          <w:shd w:val="clear" w:color="auto" w:fill="{$fill}"/>
        </xsl:if>
      </w:tcPr>
      <w:p>
        <w:pPr>
          <w:pStyle w:val="{$style}"/>
          <!-- Keep with the next row (see $table.keep.rows). -->
          <xsl:if test="$keep-next"><w:keepNext/></xsl:if>
          <xsl:if test="$align = 'right'"><w:jc w:val="right"/></xsl:if>
        </w:pPr>
        <xsl:call-template name="run">
          <xsl:with-param name="text" select="$heading"/>
        </xsl:call-template>
        <xsl:apply-templates select="$content/node()" mode="inline"/>
      </w:p>
    </w:tc>
  </xsl:template>

  <!-- Anything else in mode "doc" stops the run. -->
  <xsl:template mode="doc" match="*">
    <xsl:call-template name="unhandled"/>
  </xsl:template>

  <!-- ==========================================================================================
       Shared paragraph and run builders.
       ========================================================================================== -->

  <!-- A paragraph holding one element of plain text (text.nonempty in the schema), whitespace
       normalised, optionally preceded by a label. -->
  <xsl:template name="simple-para">
    <xsl:param name="style"/>
    <xsl:param name="label" select="''"/>
    <xsl:if test="*">
      <xsl:for-each select="*[1]"><xsl:call-template name="unhandled"/></xsl:for-each>
    </xsl:if>
    <w:p>
      <w:pPr>
        <w:pStyle w:val="{$style}"/>
        <!-- The Signature styles keep with the next paragraph so the closing and the whole
             signature stay together; the last signature line releases the chain, so the
             enclosures need not follow it onto a new page. -->
        <xsl:if test="parent::d:signature and not(following-sibling::*)">
          <w:keepNext w:val="0"/>
        </xsl:if>
      </w:pPr>
      <xsl:call-template name="run">
        <xsl:with-param name="text" select="concat($label, normalize-space(.))"/>
      </xsl:call-template>
    </w:p>
  </xsl:template>

  <!-- Label for a phone / email / website line. -->
  <xsl:template name="contact-label">
    <xsl:call-template name="label.contact">
      <xsl:with-param name="short" select="true()"/>
    </xsl:call-template>
    <xsl:text>: </xsl:text>
  </xsl:template>

  <!-- A plain run. Nothing for empty text. Text is written as text, so & < > ' " and any
       non-ASCII characters arrive in Word exactly as in the source. -->
  <xsl:template name="run">
    <xsl:param name="text"/>
    <xsl:if test="string($text) != ''">
      <w:r><w:t xml:space="preserve"><xsl:value-of select="$text"/></w:t></w:r>
    </xsl:if>
  </xsl:template>

  <!-- ==========================================================================================
       Mode "inline": mixed content (text, em, strong) to runs.

       Whitespace is normalised as HTML renders it: inside one block (para, heading, item, cell,
       subject) every run of whitespace becomes one space, whitespace at the start and end of the
       block disappears, and a space that straddles a text/element boundary is written once.
       So "we have\n        accepted" becomes "we have accepted", and the spaces in
       "is a <strong>formal first warning</strong>." stay where they are.
       ========================================================================================== -->

  <xsl:template mode="inline" match="d:em | d:strong">
    <xsl:apply-templates mode="inline"/>
  </xsl:template>

  <xsl:template mode="inline" match="text()">
    <xsl:choose>
      <!-- Most text is all that its block holds (a paragraph or a cell without emphasis): its
           words, normalised, with no neighbour to share a space with. -->
      <xsl:when test="not(preceding-sibling::node() or following-sibling::node() or parent::d:em or parent::d:strong)">
        <xsl:variable name="core" select="normalize-space(.)"/>
        <xsl:if test="$core != ''">
          <w:r><w:t xml:space="preserve"><xsl:value-of select="$core"/></w:t></w:r>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="inline-text-among-others"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Text with neighbours in its block (em, strong, or text beside them). Every value is a
       string, a number or a node-set (no result tree fragments): this runs for each piece of
       text of every document. -->
  <xsl:template name="inline-text-among-others">
    <xsl:variable name="t" select="string(.)"/>
    <xsl:variable name="core" select="normalize-space($t)"/>
    <!-- The block this text belongs to: the nearest ancestor that is not em/strong. -->
    <xsl:variable name="block" select="ancestor::*[not(self::d:em or self::d:strong)][1]"/>
    <!-- This text node and the em/strong between it and the block. The text before it in the
         block is what their preceding siblings hold, the text after it what their following
         siblings hold: found inside the block alone (the preceding and following axes would
         walk the whole document for every text node). -->
    <xsl:variable name="chain" select=". | ancestor::*[count(ancestor::*) &gt; count($block/ancestor::*)]"/>
    <xsl:variable name="text-before" select="$chain/preceding-sibling::node()/descendant-or-self::text()"/>
    <!-- Neighbouring text nodes inside the same block (empty node-set if none). -->
    <xsl:variable name="prev" select="$text-before[last()]"/>
    <xsl:variable name="has-text-before" select="boolean($text-before[normalize-space()])"/>
    <xsl:variable name="has-text-after" select="boolean($chain/following-sibling::node()/descendant-or-self::text()[normalize-space()])"/>
    <xsl:variable name="starts-ws" select="translate(substring($t, 1, 1), $ws, '') = ''"/>
    <xsl:variable name="ends-ws" select="translate(substring($t, string-length($t)), $ws, '') = ''"/>
    <xsl:variable name="prev-ends-ws" select="$prev and translate(substring($prev, string-length($prev)), $ws, '') = ''"/>

    <!-- Leading space: only between words, and only if the previous text did not already end
         with one. A whitespace-only node between two elements becomes this single space.
         Trailing space: only if more words follow in the block. (substring(' ', 1, n) is the
         space when n is 1, nothing when it is 0.) -->
    <xsl:variable name="lead" select="substring(' ', 1, number($starts-ws and $has-text-before and not($prev-ends-ws) and ($core != '' or $has-text-after)))"/>
    <xsl:variable name="trail" select="substring(' ', 1, number($core != '' and $ends-ws and $has-text-after))"/>
    <xsl:variable name="out" select="concat($lead, $core, $trail)"/>

    <xsl:if test="$out != ''">
      <w:r>
        <xsl:if test="ancestor::d:em or ancestor::d:strong">
          <w:rPr>
            <xsl:if test="ancestor::d:strong"><w:b/><w:bCs/></xsl:if>
            <xsl:if test="ancestor::d:em"><w:i/><w:iCs/></xsl:if>
          </w:rPr>
        </xsl:if>
        <w:t xml:space="preserve"><xsl:value-of select="$out"/></w:t>
      </w:r>
    </xsl:if>
  </xsl:template>

  <!-- Comments and processing instructions in the input carry no text. -->
  <xsl:template mode="inline" match="comment() | processing-instruction()"/>

  <xsl:template mode="inline" match="*">
    <xsl:call-template name="unhandled"/>
  </xsl:template>

</xsl:stylesheet>
