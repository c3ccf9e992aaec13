<?xml version="1.0" encoding="UTF-8"?>
<!--
  Attendoc: document vocabulary (urn:attendoc:document:1) to XSL-FO, for Apache FOP 2.8.

  Input:  one d:document (schema/document.rng), already validated.
  Output: fo:root with one fo:page-sequence per letter; render with
            fop -c fop/fop.xconf -pdfprofile "PDF/A-1b" -fo letter.fo -pdf letter.pdf

  The page (A4 portrait, UK business letter, DL window envelope):

     +==================================================+
     | Organisation                  Address, postcode, |  letterhead band (page 1 only,
     | Department                    phone, email, web  |  region "attendoc-letterhead")
     |                                                  |
     | Recipient name            <- 20 mm from the left, top at 50 mm:
     | Address lines                the window of a DL envelope when the
     | Postcode                     page is folded in three
     |                                                  |
     | Date                                             |
     | Label: reference  (one line per d:reference)     |
     | Dear ...                                         |
     | Subject (bold)                                   |
     | Body ...                                         |
     | Yours sincerely / space to sign / name, role     |
     | Enclosures: ... / Copy to: ...                   |
     |==================================================|
     | REF/2026/0001                        Page 1 of 2 |  footer on every page
     +==================================================+
  Pages 2+ have no letterhead; a small running header (title, date) takes its place.

  A record (d:record: minutes, a contract, a register certificate) has its own first-page master
  (page-sequence-master "attendoc-record", written only when a record is among the documents):
  no envelope window, the body starts at the top margin with a compact heading band in the flow
  (organisation and department left; the address on one line and the contacts right; a rule
  below), then the title, the facts as a borderless two-column table, the body as in a letter,
  and the signatures two to a row, each with its label, the name if given, and ruled "Signed:"
  and "Date:" lines, never split across pages. Pages 2+, the footer and the PDF metadata are as
  for a letter (the running header shows meta/date).

  Tables of more than table.dense.columns columns (a register certificate: the week, then ten
  sessions) are set smaller with narrow padding, the first column twice as wide as the others,
  so that they fit A4 portrait.

  Structure (so that many letters can go into one FO file, one page-sequence each):
    - match="/"                      checks the root element and calls attendoc.fo.root;
    - name="attendoc.fo.root"        fo:root + layout-master-set + declarations (XMP metadata),
                                     then applies templates to $documents;
    - name="attendoc.page.masters"   the page masters alone, without fo:layout-master-set, so
                                     that bundle-fo.xsl can put its own masters beside them;
    - match="d:document"             one complete fo:page-sequence for one letter. Page numbers
                                     restart at 1 and "Page X of Y" cites the last page of *this*
                                     page-sequence (page-number-citation-last, id from generate-id()).
  A batch driver can import this stylesheet, add a template for its own wrapper element in
  mode "attendoc.root" (the only root this stylesheet accepts is d:document) and call
  attendoc.fo.root with a node-set of d:document elements to get one FO file for many letters:
    <xsl:template match="b:batch" mode="attendoc.root">
      <xsl:call-template name="attendoc.fo.root">
        <xsl:with-param name="documents" select="d:document"/>
      </xsl:call-template>
    </xsl:template>

  Vocabulary guard: every d:document is first walked in mode "attendoc.check", a whitelist that
  mirrors schema/document.rng. Any element or attribute the stylesheet does not know, or in a
  place it does not expect, stops the transform (xsl:message terminate="yes") naming it, so a
  change to the vocabulary can never silently drop text from a letter. The rendering modes have
  the same catch-all as a second line of defence.

  XSLT 1.0 only. No extension functions, no document(), no file or network access, no clock.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format"
                xmlns:d="urn:attendoc:document:1"
                exclude-result-prefixes="d">

  <!-- The shared house-style parameters and labels, and the named templates all formats use
       (stylesheets/common; docs/house-style.md). Imported first, as XSLT requires. -->
  <xsl:import href="common/parameters.xsl"/>
  <xsl:import href="common/templates.xsl"/>
  <xsl:import href="common/bar-chart.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- House style (stylesheets/common/parameters.xsl): the values this format uses. -->
  <xsl:variable name="accent.colour">
    <xsl:call-template name="house.value">
      <xsl:with-param name="value" select="$house.accent.colour"/>
      <xsl:with-param name="default" select="$house.default.accent.colour"/>
    </xsl:call-template>
  </xsl:variable>
  <xsl:variable name="text.colour">
    <xsl:call-template name="house.value">
      <xsl:with-param name="value" select="$house.text.colour"/>
      <xsl:with-param name="default" select="$house.default.text.colour"/>
    </xsl:call-template>
  </xsl:variable>
  <xsl:variable name="font.family">
    <xsl:call-template name="house.value">
      <xsl:with-param name="value" select="$house.font.family"/>
      <xsl:with-param name="default" select="$house.default.font.family.pdf"/>
    </xsl:call-template>
  </xsl:variable>

  <!-- Whitespace-only text between structural elements is layout of the XML, not content.
       Mixed-content elements keep it: the space in "<em>a</em> <strong>b</strong>" matters. -->
  <xsl:strip-space elements="d:*"/>
  <xsl:preserve-space elements="d:para d:heading d:item d:cell d:subject d:em d:strong d:fact"/>

  <!-- ==================================================================================== -->
  <!-- Parameters: the layout of this format. Lengths are XSL-FO lengths ("20mm", "11pt"),
       colours are CSS-style "#rrggbb". Pass them as string parameters (xsltproc: stringparam).
       The house style (accent and text colour, font, name, footer wording, logo) and the
       labels are set once for every format in common/parameters.xsl; a house font must be
       registered (embedded) in fop/fop.xconf, or PDF/A-1b rendering fails. -->
  <!-- ==================================================================================== -->

  <!-- Size of running text: body, address, signature. -->
  <xsl:param name="body.font.size">11pt</xsl:param>

  <!-- Line height as a factor of the font size. -->
  <xsl:param name="body.line.height">1.25</xsl:param>

  <!-- Size of the organisation name in the letterhead. -->
  <xsl:param name="letterhead.organisation.font.size">16pt</xsl:param>

  <!-- Size of the department line in the letterhead. -->
  <xsl:param name="letterhead.department.font.size">11pt</xsl:param>

  <!-- Size of the letterhead's address and contact lines. -->
  <xsl:param name="letterhead.contact.font.size">9pt</xsl:param>

  <!-- Width of the letterhead's right-hand column (address, phone, email). -->
  <xsl:param name="letterhead.contact.width">70mm</xsl:param>

  <!-- Height of the house style's logo above the organisation's name (its width follows its
       proportions). The letterhead band is 34 mm deep: logo, name and department fit in it. -->
  <xsl:param name="letterhead.logo.height">14mm</xsl:param>

  <!-- Size of the footer and the running header on pages 2+. -->
  <xsl:param name="running.font.size">8.5pt</xsl:param>

  <!-- Size of table text (caption, header, cells). -->
  <xsl:param name="table.font.size">10pt</xsl:param>

  <!-- A large-print copy (meta print: large; RNIB's clear print guidance: 16 pt or more): the body
       text and tables at this size. Headings and the letterhead keep their own sizes. -->
  <xsl:param name="large.print.font.size">16pt</xsl:param>

  <!-- Tables with more columns than this are "dense": table.dense.font.size, narrow padding,
       first column twice as wide as each of the others. -->
  <xsl:param name="table.dense.columns" select="6"/>
  <xsl:param name="table.dense.font.size">8pt</xsl:param>

  <!-- Records: size of the title, width of the heading band's right-hand column, and the
       blank space above each line to sign or date on. -->
  <xsl:param name="record.title.font.size">15pt</xsl:param>
  <xsl:param name="record.contact.width">80mm</xsl:param>
  <xsl:param name="record.signing.space">9mm</xsl:param>

  <!-- Colour of ordinary text. -->

  <!-- House colour: organisation name and department in the letterhead. -->

  <!-- Secondary text: letterhead contact lines, footer, running header, reference labels. -->
  <xsl:param name="muted.colour">#4a4a4a</xsl:param>

  <!-- Thin rules: under the running header (pages 2+), above the footer, in tables. -->
  <xsl:param name="rule.colour">#8c8c8c</xsl:param>

  <!-- Background of a table's header row. -->
  <xsl:param name="table.header.background.colour">#e4ebf3</xsl:param>

  <!-- Page size: A4 portrait. -->
  <xsl:param name="page.width">210mm</xsl:param>
  <xsl:param name="page.height">297mm</xsl:param>

  <!-- Page margins. page.margin.left also fixes where the address block starts unless
       address.window.left says otherwise. -->
  <xsl:param name="page.margin.top">12mm</xsl:param>
  <xsl:param name="page.margin.bottom">10mm</xsl:param>
  <xsl:param name="page.margin.left">20mm</xsl:param>
  <xsl:param name="page.margin.right">20mm</xsl:param>

  <!-- The recipient's address, placed for the window of a DL (110 x 220 mm) envelope with the
       A4 sheet folded in three: distance of the block from the left and top edges of the page,
       its width, and the minimum height it occupies (a longer address pushes the rest down
       rather than overlapping it). address.window.left must not be less than page.margin.left. -->
  <xsl:param name="address.window.left">20mm</xsl:param>
  <xsl:param name="address.window.top">50mm</xsl:param>
  <xsl:param name="address.window.width">90mm</xsl:param>
  <xsl:param name="address.window.height">35mm</xsl:param>

  <!-- 1: print the date and the reference lines in a panel to the right of the address
       (outside the envelope window), as many UK councils do; it keeps a typical letter on one
       page. 0: print them below the address, one under the other. -->
  <xsl:param name="references.beside.address" select="1"/>

  <!-- Gap between the address block and the date/reference panel beside it. -->
  <xsl:param name="reference.panel.gap">8mm</xsl:param>

  <!-- Height of the footer region, and the gap between it and the body text. -->
  <xsl:param name="footer.extent">8mm</xsl:param>
  <xsl:param name="footer.gap">5mm</xsl:param>
  <!-- Added to the footer's height when the house style has a footer line (its name, its
       footer wording), which goes on a line of its own under the reference and page number. -->
  <xsl:param name="footer.house.extent">4mm</xsl:param>
  <xsl:variable name="house.footer">
    <xsl:call-template name="house.footer.line"/>
  </xsl:variable>
  <xsl:variable name="footer.height">
    <xsl:value-of select="$footer.extent"/>
    <xsl:if test="string($house.footer) != ''">
      <xsl:value-of select="concat(' + ', $footer.house.extent)"/>
    </xsl:if>
  </xsl:variable>

  <!-- Height of the running header on pages 2+, and the gap between it and the body text. -->
  <xsl:param name="running.header.extent">8mm</xsl:param>
  <xsl:param name="running.header.gap">6mm</xsl:param>

  <!-- Space between paragraphs, and before a heading. -->
  <xsl:param name="para.spacing">6pt</xsl:param>
  <xsl:param name="heading.spacing">10pt</xsl:param>

  <!-- Space between the reference lines and the salutation. -->
  <xsl:param name="salutation.spacing">6mm</xsl:param>

  <!-- Blank space left between the closing ("Yours sincerely") and the signatory's name. -->
  <xsl:param name="signature.space">15mm</xsl:param>

  <!-- What FOP does at the end of each letter's page-sequence. "no-force": no blank pages.
       "end-on-even" makes every letter start on a recto when a batch is printed duplex. -->
  <xsl:param name="letter.force.page.count">no-force</xsl:param>

  <!-- With blank pages forced (a print run), they are truly blank (the master below, with no
       header or footer), and "Page X of Y" counts the letter's own pages, not the blank one:
       Y is the last page of the letter's flow. Without forcing, nothing of this is written. -->
  <xsl:variable name="forcing.blank.pages" select="$letter.force.page.count != 'no-force'"/>
  <xsl:variable name="master.blank">attendoc-blank</xsl:variable>

  <!-- PDF title and author (XMP dc:title, dc:creator). Empty: taken from the first document's
       meta/title and meta/author. Set them for a batch of several letters in one PDF. -->
  <xsl:param name="pdf.title"/>
  <xsl:param name="pdf.author"/>

  <!-- PDF creator tool (XMP xmp:CreatorTool, Info /Creator). -->
  <xsl:param name="pdf.creator.tool">Attendoc</xsl:param>

  <!-- Fixed PDF creation and modification date as an XMP date ("2026-11-23T00:00:00Z").
       Empty: FOP uses the time of the run. The stylesheet never reads the clock itself. -->
  <xsl:param name="pdf.date"/>

  <!-- Page master names (fixed; referenced only inside this stylesheet). -->
  <xsl:variable name="master.first">attendoc-letter-first</xsl:variable>
  <xsl:variable name="master.rest">attendoc-letter-rest</xsl:variable>
  <xsl:variable name="master.letter">attendoc-letter</xsl:variable>
  <xsl:variable name="master.record.first">attendoc-record-first</xsl:variable>
  <xsl:variable name="master.record">attendoc-record</xsl:variable>

  <!-- ==================================================================================== -->
  <!-- Root                                                                                  -->
  <!-- ==================================================================================== -->

  <xsl:template match="/">
    <xsl:apply-templates select="*" mode="attendoc.root"/>
  </xsl:template>

  <xsl:template match="d:document" mode="attendoc.root">
    <xsl:call-template name="attendoc.fo.root">
      <xsl:with-param name="documents" select="."/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="*" mode="attendoc.root">
    <xsl:message terminate="yes">
      <xsl:text>fo.xsl: the root element must be {urn:attendoc:document:1}document, not {</xsl:text>
      <xsl:value-of select="namespace-uri()"/>
      <xsl:text>}</xsl:text>
      <xsl:value-of select="local-name()"/>
    </xsl:message>
  </xsl:template>

  <!-- The whole FO file: page masters and PDF metadata once, then one page-sequence per
       document in $documents (a node-set of d:document elements, in output order). -->
  <xsl:template name="attendoc.fo.root">
    <xsl:param name="documents"/>
    <xsl:if test="not($documents)">
      <xsl:message terminate="yes">fo.xsl: attendoc.fo.root was given no documents</xsl:message>
    </xsl:if>
    <fo:root xml:lang="{$documents[1]/@xml:lang}">
      <xsl:call-template name="attendoc.layout.master.set">
        <xsl:with-param name="records" select="boolean($documents/d:record)"/>
      </xsl:call-template>
      <xsl:call-template name="attendoc.declarations">
        <xsl:with-param name="first" select="$documents[1]"/>
      </xsl:call-template>
      <xsl:apply-templates select="$documents"/>
    </fo:root>
  </xsl:template>

  <!-- Page masters. Page 1 has the letterhead band above a body that starts exactly at the
       top of the address window; later pages have a small running header instead. Both have
       the footer. Region names are specific so that static content goes to the right pages. -->
  <xsl:template name="attendoc.layout.master.set">
    <xsl:param name="records" select="false()"/>
    <fo:layout-master-set>
      <xsl:call-template name="attendoc.page.masters">
        <xsl:with-param name="records" select="$records"/>
      </xsl:call-template>
    </fo:layout-master-set>
  </xsl:template>

  <!-- A forced blank page (a print run's) takes the blank master. -->
  <xsl:template name="attendoc.blank.page.reference">
    <xsl:if test="$forcing.blank.pages">
      <fo:conditional-page-master-reference blank-or-not-blank="blank" master-reference="{$master.blank}"/>
    </xsl:if>
  </xsl:template>

  <!-- The masters themselves, without the fo:layout-master-set around them, so that a
       stylesheet importing this one (bundle-fo.xsl) can put its own masters beside them. -->
  <xsl:template name="attendoc.page.masters">
    <xsl:param name="records" select="false()"/>
    <fo:simple-page-master master-name="{$master.first}"
                           page-width="{$page.width}" page-height="{$page.height}"
                           margin-top="{$page.margin.top}" margin-bottom="{$page.margin.bottom}"
                           margin-left="{$page.margin.left}" margin-right="{$page.margin.right}">
      <!-- The body's first line (the recipient's name) sits at address.window.top. -->
      <fo:region-body margin-top="{$address.window.top} - {$page.margin.top}"
                      margin-bottom="{$footer.height} + {$footer.gap}"/>
      <!-- The letterhead band: from the top margin down to just above the address window. -->
      <fo:region-before region-name="attendoc-letterhead"
                        extent="{$address.window.top} - {$page.margin.top} - 4mm"/>
      <fo:region-after region-name="attendoc-footer" extent="{$footer.height}"/>
    </fo:simple-page-master>
    <fo:simple-page-master master-name="{$master.rest}"
                           page-width="{$page.width}" page-height="{$page.height}"
                           margin-top="{$page.margin.top}" margin-bottom="{$page.margin.bottom}"
                           margin-left="{$page.margin.left}" margin-right="{$page.margin.right}">
      <fo:region-body margin-top="{$running.header.extent} + {$running.header.gap}"
                      margin-bottom="{$footer.height} + {$footer.gap}"/>
      <fo:region-before region-name="attendoc-running-header" extent="{$running.header.extent}"/>
      <fo:region-after region-name="attendoc-footer" extent="{$footer.height}"/>
    </fo:simple-page-master>
    <xsl:if test="$forcing.blank.pages">
      <fo:simple-page-master master-name="{$master.blank}" page-width="{$page.width}" page-height="{$page.height}">
        <fo:region-body/>
      </fo:simple-page-master>
    </xsl:if>
    <fo:page-sequence-master master-name="{$master.letter}">
      <fo:repeatable-page-master-alternatives>
        <xsl:call-template name="attendoc.blank.page.reference"/>
        <fo:conditional-page-master-reference page-position="first" master-reference="{$master.first}"/>
        <fo:conditional-page-master-reference page-position="rest" master-reference="{$master.rest}"/>
      </fo:repeatable-page-master-alternatives>
    </fo:page-sequence-master>
    <!-- Records: page 1 has no letterhead region and no envelope window; the heading band is
         the first thing in the flow. Pages 2+ are a letter's. Only if there is a record. -->
    <xsl:if test="$records">
      <fo:simple-page-master master-name="{$master.record.first}"
                             page-width="{$page.width}" page-height="{$page.height}"
                             margin-top="{$page.margin.top}" margin-bottom="{$page.margin.bottom}"
                             margin-left="{$page.margin.left}" margin-right="{$page.margin.right}">
        <fo:region-body margin-bottom="{$footer.height} + {$footer.gap}"/>
        <fo:region-after region-name="attendoc-footer" extent="{$footer.height}"/>
      </fo:simple-page-master>
      <fo:page-sequence-master master-name="{$master.record}">
        <fo:repeatable-page-master-alternatives>
          <xsl:call-template name="attendoc.blank.page.reference"/>
          <fo:conditional-page-master-reference page-position="first" master-reference="{$master.record.first}"/>
          <fo:conditional-page-master-reference page-position="rest" master-reference="{$master.rest}"/>
        </fo:repeatable-page-master-alternatives>
      </fo:page-sequence-master>
    </xsl:if>
  </xsl:template>

  <!-- PDF metadata. FOP copies the XMP packet into the PDF (merged with its own PDF/A
       properties) and fills the Info dictionary (Title, Author, Creator) from it. -->
  <xsl:template name="attendoc.declarations">
    <xsl:param name="first"/>
    <xsl:variable name="title">
      <xsl:choose>
        <xsl:when test="string($pdf.title) != ''"><xsl:value-of select="$pdf.title"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$first/d:meta/d:title"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="author">
      <xsl:choose>
        <xsl:when test="string($pdf.author) != ''"><xsl:value-of select="$pdf.author"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$first/d:meta/d:author"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <fo:declarations>
      <x:xmpmeta xmlns:x="adobe:ns:meta/">
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
          <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <!-- XMP types: dc:title is a language alternative, dc:creator an ordered list. -->
            <dc:title>
              <rdf:Alt><rdf:li xml:lang="x-default"><xsl:value-of select="$title"/></rdf:li></rdf:Alt>
            </dc:title>
            <dc:creator>
              <rdf:Seq><rdf:li><xsl:value-of select="$author"/></rdf:li></rdf:Seq>
            </dc:creator>
          </rdf:Description>
          <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:CreatorTool><xsl:value-of select="$pdf.creator.tool"/></xmp:CreatorTool>
            <xsl:if test="string($pdf.date) != ''">
              <xmp:CreateDate><xsl:value-of select="$pdf.date"/></xmp:CreateDate>
              <xmp:ModifyDate><xsl:value-of select="$pdf.date"/></xmp:ModifyDate>
            </xsl:if>
          </rdf:Description>
        </rdf:RDF>
      </x:xmpmeta>
    </fo:declarations>
  </xsl:template>

  <!-- ==================================================================================== -->
  <!-- One letter = one page-sequence                                                        -->
  <!-- ==================================================================================== -->

  <xsl:template match="d:document">
    <!-- Refuse anything the stylesheet does not know before producing any output for it. -->
    <xsl:apply-templates select="." mode="attendoc.check"/>

    <!-- Unique per document in the whole transformation, so several letters in one FO file
         each have their own "Page X of Y". -->
    <xsl:variable name="sequence.id" select="concat('attendoc-letter-', generate-id())"/>
    <xsl:variable name="letter" select="d:letter"/>
    <xsl:variable name="sequence.master">
      <xsl:choose>
        <xsl:when test="d:record"><xsl:value-of select="$master.record"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$master.letter"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>

    <fo:page-sequence master-reference="{$sequence.master}"
                      id="{$sequence.id}"
                      initial-page-number="1"
                      force-page-count="{$letter.force.page.count}"
                      xml:lang="{@xml:lang}"
                      font-family="{$font.family}"
                      font-size="{$body.font.size}"
                      line-height="{$body.line.height}"
                      color="{$text.colour}"
                      hyphenate="false">
      <!-- A large-print copy: the body (and, below, its tables) at large.print.font.size. -->
      <xsl:if test="d:meta/d:print = 'large'">
        <xsl:attribute name="font-size"><xsl:value-of select="$large.print.font.size"/></xsl:attribute>
      </xsl:if>

      <!-- Page 1: letterhead band. Organisation and department on the left in the house
           colour; postal address and contact details on the right, right-aligned. -->
      <xsl:if test="$letter">
        <fo:static-content flow-name="attendoc-letterhead">
          <fo:table table-layout="fixed" width="100%">
            <fo:table-column column-number="1" column-width="proportional-column-width(1)"/>
            <fo:table-column column-number="2" column-width="{$letterhead.contact.width}"/>
            <fo:table-body>
              <fo:table-row>
                <fo:table-cell>
                  <xsl:call-template name="attendoc.letterhead.logo"/>
                  <xsl:apply-templates select="$letter/d:sender/*" mode="attendoc.letterhead.identity"/>
                </fo:table-cell>
                <fo:table-cell text-align="end" font-size="{$letterhead.contact.font.size}"
                               line-height="1.35" color="{$muted.colour}">
                  <xsl:apply-templates select="$letter/d:sender/*" mode="attendoc.letterhead.contact"/>
                </fo:table-cell>
              </fo:table-row>
            </fo:table-body>
          </fo:table>
        </fo:static-content>
      </xsl:if>

      <!-- Pages 2+: running header with the document title and the letter's date (a record's:
           meta/date), ruled off. -->
      <fo:static-content flow-name="attendoc-running-header">
        <fo:block font-size="{$running.font.size}" color="{$muted.colour}"
                  text-align-last="justify"
                  border-bottom="0.5pt solid {$rule.colour}" padding-bottom="1.5pt">
          <xsl:value-of select="d:meta/d:title"/>
          <fo:leader leader-pattern="space"/>
          <xsl:value-of select="$letter/d:date | d:meta[../d:record]/d:date"/>
        </fo:block>
      </fo:static-content>

      <!-- Every page: the document reference on the left, "Page X of Y" on the right.
           Y is the last page of this page-sequence, not of the whole PDF. -->
      <fo:static-content flow-name="attendoc-footer">
        <fo:block font-size="{$running.font.size}" color="{$muted.colour}"
                  text-align-last="justify"
                  border-top="0.5pt solid {$rule.colour}" padding-top="2pt">
          <xsl:value-of select="d:meta/d:reference"/>
          <fo:leader leader-pattern="space"/>
          <xsl:value-of select="$label.page"/>
          <xsl:text> </xsl:text>
          <fo:page-number/>
          <xsl:text> </xsl:text>
          <xsl:value-of select="$label.of"/>
          <xsl:text> </xsl:text>
          <xsl:choose>
            <xsl:when test="$forcing.blank.pages"><fo:page-number-citation-last ref-id="{$sequence.id}-flow"/></xsl:when>
            <xsl:otherwise><fo:page-number-citation-last ref-id="{$sequence.id}"/></xsl:otherwise>
          </xsl:choose>
        </fo:block>
        <xsl:if test="string($house.footer) != ''">
          <fo:block font-size="{$running.font.size}" color="{$muted.colour}" text-align="center"
                    space-before="1pt">
            <xsl:value-of select="$house.footer"/>
          </fo:block>
        </xsl:if>
      </fo:static-content>

      <!-- The letter itself, in document order: recipient, date, references, salutation,
           subject, body, closing, signature, enclosures, copies. -->
      <fo:flow flow-name="xsl-region-body">
        <xsl:choose>
          <xsl:when test="$forcing.blank.pages">
            <fo:block id="{$sequence.id}-flow"><xsl:apply-templates select="d:letter | d:record"/></fo:block>
          </xsl:when>
          <xsl:otherwise><xsl:apply-templates select="d:letter | d:record"/></xsl:otherwise>
        </xsl:choose>
      </fo:flow>
    </fo:page-sequence>
  </xsl:template>

  <xsl:template match="d:document/d:letter">
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <!-- The sender is printed by the letterhead static content, not in the flow. -->
  <xsl:template match="d:letter/d:sender"/>

  <!-- ==================================================================================== -->
  <!-- Letterhead (page 1, static content)                                                   -->
  <!-- ==================================================================================== -->

  <!-- The house style's logo above the organisation's name (common/parameters.xsl), given
       as a data: URI so that FOP reads no file; its height is letterhead.logo.height, its width
       follows its proportions (scaling uniform). The alt text goes with it (fox:alt-text).
       Nothing without a logo. -->
  <xsl:template name="attendoc.letterhead.logo">
    <xsl:if test="$house.logo.uri != ''">
      <fo:block space-after="2mm" line-height="1">
        <fo:external-graphic xmlns:fox="http://xmlgraphics.apache.org/fop/extensions"
                             src="url('{$house.logo.uri}')" content-height="{$letterhead.logo.height}"
                             scaling="uniform" fox:alt-text="{$house.logo.description}"/>
      </fo:block>
    </xsl:if>
  </xsl:template>

  <!-- Left column: who is writing. -->
  <xsl:template match="d:sender/d:organisation" mode="attendoc.letterhead.identity">
    <fo:block font-size="{$letterhead.organisation.font.size}" font-weight="bold"
              color="{$accent.colour}" line-height="1.15">
      <xsl:value-of select="."/>
    </fo:block>
  </xsl:template>

  <xsl:template match="d:sender/d:department" mode="attendoc.letterhead.identity">
    <fo:block font-size="{$letterhead.department.font.size}" color="{$accent.colour}"
              space-before="1.5pt">
      <xsl:value-of select="."/>
    </fo:block>
  </xsl:template>

  <xsl:template match="d:sender/d:address | d:sender/d:phone | d:sender/d:email | d:sender/d:website"
                mode="attendoc.letterhead.identity"/>

  <!-- Right column: how to reach them. -->
  <xsl:template match="d:sender/d:organisation | d:sender/d:department"
                mode="attendoc.letterhead.contact"/>

  <xsl:template match="d:sender/d:address" mode="attendoc.letterhead.contact">
    <xsl:apply-templates select="*" mode="attendoc.address"/>
  </xsl:template>

  <xsl:template match="d:sender/d:phone" mode="attendoc.letterhead.contact">
    <fo:block space-before="3pt">
      <xsl:value-of select="$label.phone"/>
      <xsl:text> </xsl:text>
      <xsl:value-of select="."/>
    </fo:block>
  </xsl:template>

  <xsl:template match="d:sender/d:email" mode="attendoc.letterhead.contact">
    <fo:block>
      <xsl:if test="not(../d:phone)"><xsl:attribute name="space-before">3pt</xsl:attribute></xsl:if>
      <xsl:value-of select="$label.email"/>
      <xsl:text> </xsl:text>
      <xsl:value-of select="."/>
    </fo:block>
  </xsl:template>

  <xsl:template match="d:sender/d:website" mode="attendoc.letterhead.contact">
    <fo:block>
      <xsl:if test="not(../d:phone | ../d:email)"><xsl:attribute name="space-before">3pt</xsl:attribute></xsl:if>
      <xsl:value-of select="$label.website.short"/>
      <xsl:text> </xsl:text>
      <xsl:value-of select="."/>
    </fo:block>
  </xsl:template>

  <!-- Address lines and postcode, one per line (used for sender and recipient). -->
  <xsl:template match="d:address/d:line | d:address/d:postcode" mode="attendoc.address">
    <fo:block keep-with-previous.within-column="always">
      <xsl:value-of select="."/>
    </fo:block>
  </xsl:template>

  <!-- ==================================================================================== -->
  <!-- Letter flow                                                                           -->
  <!-- ==================================================================================== -->

  <!-- Recipient block in the envelope window, and (by default) the date and reference lines
       in a panel to its right, outside the window: a one-row table. A table because FOP
       honours a minimum height on a table row (not on a block-container): the salutation
       below always starts at the same place, and a long address pushes it down instead of
       overlapping it. -->
  <xsl:template match="d:letter/d:recipient">
    <fo:table table-layout="fixed" width="100%">
      <fo:table-column column-number="1"
                       column-width="{$address.window.left} - {$page.margin.left} + {$address.window.width}"/>
      <fo:table-column column-number="2" column-width="proportional-column-width(1)"/>
      <fo:table-body>
        <fo:table-row block-progression-dimension.minimum="{$address.window.height}"
                      keep-together.within-page="always">
          <fo:table-cell padding-left="{$address.window.left} - {$page.margin.left}">
            <xsl:apply-templates select="*" mode="attendoc.recipient"/>
          </fo:table-cell>
          <fo:table-cell padding-left="{$reference.panel.gap}">
            <fo:block>
              <xsl:if test="$references.beside.address != 0">
                <xsl:apply-templates select="../d:date | ../d:reference"
                                     mode="attendoc.reference.lines"/>
              </xsl:if>
            </fo:block>
          </fo:table-cell>
        </fo:table-row>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <xsl:template match="d:recipient/d:name" mode="attendoc.recipient">
    <fo:block><xsl:value-of select="."/></fo:block>
  </xsl:template>

  <xsl:template match="d:recipient/d:address" mode="attendoc.recipient">
    <xsl:apply-templates select="*" mode="attendoc.address"/>
  </xsl:template>

  <!-- Date and reference lines in the flow: only when they are not beside the address. -->
  <xsl:template match="d:letter/d:date | d:letter/d:reference">
    <xsl:if test="not($references.beside.address != 0)">
      <xsl:apply-templates select="." mode="attendoc.reference.lines"/>
    </xsl:if>
  </xsl:template>

  <!-- Date of the letter, written out ("23 November 2026"). -->
  <xsl:template match="d:letter/d:date" mode="attendoc.reference.lines">
    <fo:block>
      <xsl:if test="not($references.beside.address != 0)">
        <xsl:attribute name="space-before">2mm</xsl:attribute>
      </xsl:if>
      <xsl:value-of select="."/>
    </fo:block>
  </xsl:template>

  <!-- Reference lines: "Our reference: CAT/2026/0142", one per d:reference, after the date. -->
  <xsl:template match="d:letter/d:reference" mode="attendoc.reference.lines">
    <!-- Hanging indent: a wrapped value is indented under its label. -->
    <fo:block keep-with-previous.within-page="always" start-indent="4mm" text-indent="-4mm">
      <xsl:if test="not(preceding-sibling::d:reference)">
        <xsl:attribute name="space-before">
          <xsl:choose>
            <xsl:when test="$references.beside.address != 0">3pt</xsl:when>
            <xsl:otherwise><xsl:value-of select="$para.spacing"/></xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
      </xsl:if>
      <fo:inline color="{$muted.colour}">
        <xsl:value-of select="@label"/>
        <xsl:text>:</xsl:text>
      </fo:inline>
      <xsl:text> </xsl:text>
      <xsl:value-of select="."/>
    </fo:block>
  </xsl:template>

  <xsl:template match="d:letter/d:salutation">
    <fo:block space-before="{$salutation.spacing}" keep-with-next.within-page="always">
      <xsl:value-of select="."/>
    </fo:block>
  </xsl:template>

  <!-- Subject line, in bold, between the salutation and the body. -->
  <!-- role: the tag of the PDF's structure tree (fop/fop.xconf turns accessibility on), so that a
       screen reader finds the subject and the title as the first heading and each heading below. -->
  <xsl:template match="d:letter/d:subject">
    <fo:block role="H1" space-before="{$para.spacing}" font-weight="bold" keep-with-next.within-page="always">
      <xsl:apply-templates/>
    </fo:block>
  </xsl:template>

  <xsl:template match="d:letter/d:body | d:record/d:body">
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <!-- Closing and signature stay on one page with the end of the body. -->
  <xsl:template match="d:letter/d:closing">
    <fo:block space-before="{$heading.spacing}"
              keep-with-previous.within-page="always" keep-with-next.within-page="always">
      <xsl:value-of select="."/>
    </fo:block>
  </xsl:template>

  <!-- Signature block: blank space to sign by hand, then name (bold), role, organisation and
       any direct contact details. -->
  <xsl:template match="d:letter/d:signature">
    <fo:block keep-together.within-page="always">
      <fo:block space-before="{$signature.space}" space-before.conditionality="retain"
                font-weight="bold">
        <xsl:value-of select="d:name"/>
      </fo:block>
      <xsl:apply-templates select="*" mode="attendoc.signature"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="d:signature/d:name" mode="attendoc.signature"/>

  <xsl:template match="d:signature/d:role | d:signature/d:organisation" mode="attendoc.signature">
    <fo:block><xsl:value-of select="."/></fo:block>
  </xsl:template>

  <xsl:template match="d:signature/d:phone" mode="attendoc.signature">
    <fo:block>
      <xsl:value-of select="$label.phone"/>
      <xsl:text> </xsl:text>
      <xsl:value-of select="."/>
    </fo:block>
  </xsl:template>

  <xsl:template match="d:signature/d:email" mode="attendoc.signature">
    <fo:block>
      <xsl:value-of select="$label.email"/>
      <xsl:text> </xsl:text>
      <xsl:value-of select="."/>
    </fo:block>
  </xsl:template>

  <!-- "Enclosures:" and "Copy to:", each a label followed by one line per item. -->
  <xsl:template match="d:letter/d:enclosures | d:letter/d:copies">
    <fo:block space-before="{$para.spacing} + 2pt" keep-together.within-page="always">
      <fo:block font-weight="bold" keep-with-next.within-page="always">
        <xsl:choose>
          <xsl:when test="self::d:enclosures"><xsl:value-of select="$label.enclosures"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$label.copies"/></xsl:otherwise>
        </xsl:choose>
        <xsl:text>:</xsl:text>
      </fo:block>
      <xsl:apply-templates select="*"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="d:enclosures/d:item | d:copies/d:item">
    <fo:block>
      <xsl:apply-templates/>
    </fo:block>
  </xsl:template>

  <!-- ==================================================================================== -->
  <!-- Record flow                                                                           -->
  <!-- ==================================================================================== -->

  <xsl:template match="d:document/d:record">
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <!-- Heading band, the first thing on page 1: organisation and department on the left (as
       in the letterhead), the address on one line and the contacts on the right, a rule in the
       house colour below. -->
  <xsl:template match="d:record/d:sender">
    <fo:block border-bottom="1.5pt solid {$accent.colour}" padding-bottom="3mm"
              keep-together.within-page="always">
      <fo:table table-layout="fixed" width="100%">
        <fo:table-column column-number="1" column-width="proportional-column-width(1)"/>
        <fo:table-column column-number="2" column-width="{$record.contact.width}"/>
        <fo:table-body>
          <fo:table-row>
            <fo:table-cell>
              <xsl:call-template name="attendoc.letterhead.logo"/>
              <xsl:apply-templates select="*" mode="attendoc.letterhead.identity"/>
            </fo:table-cell>
            <fo:table-cell text-align="end" font-size="{$letterhead.contact.font.size}"
                           line-height="1.35" color="{$muted.colour}">
              <xsl:apply-templates select="*" mode="attendoc.record.contact"/>
            </fo:table-cell>
          </fo:table-row>
        </fo:table-body>
      </fo:table>
    </fo:block>
  </xsl:template>

  <xsl:template match="d:sender/d:organisation | d:sender/d:department" mode="attendoc.record.contact"/>

  <!-- "Hill Lane, Newtown, Exeter EX1 3QT". -->
  <xsl:template match="d:sender/d:address" mode="attendoc.record.contact">
    <fo:block>
      <xsl:for-each select="*">
        <xsl:apply-templates select="." mode="attendoc.address.inline"/>
        <xsl:choose>
          <xsl:when test="position() = last()"/>
          <xsl:when test="following-sibling::*[1][self::d:postcode]"><xsl:text> </xsl:text></xsl:when>
          <xsl:otherwise><xsl:text>, </xsl:text></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </fo:block>
  </xsl:template>

  <xsl:template match="d:address/d:line | d:address/d:postcode" mode="attendoc.address.inline">
    <xsl:value-of select="."/>
  </xsl:template>

  <xsl:template match="d:sender/d:phone | d:sender/d:email | d:sender/d:website"
                mode="attendoc.record.contact">
    <fo:block>
      <xsl:call-template name="label.contact">
        <xsl:with-param name="short" select="true()"/>
      </xsl:call-template>
      <xsl:text> </xsl:text>
      <xsl:value-of select="."/>
    </fo:block>
  </xsl:template>

  <!-- The title: the main heading, kept with what follows. -->
  <xsl:template match="d:record/d:title">
    <fo:block role="H1" space-before="7mm" space-after="4mm" font-size="{$record.title.font.size}"
              font-weight="bold" color="{$accent.colour}" line-height="1.2"
              keep-with-next.within-page="always">
      <xsl:value-of select="."/>
    </fo:block>
  </xsl:template>

  <!-- Facts: a borderless two-column table, "Label:" (bold) and value, ruled above and below,
       on one page. The label column is as wide as the longest label needs (estimated from its
       length in characters), between 30 mm and 55 mm (about a third of the line); a longer
       label wraps. -->
  <xsl:template match="d:record/d:facts">
    <xsl:variable name="longest">
      <xsl:for-each select="d:fact">
        <xsl:sort select="string-length(normalize-space(@label))" data-type="number" order="descending"/>
        <xsl:if test="position() = 1"><xsl:value-of select="string-length(normalize-space(@label)) + 1"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="estimate" select="round($longest * 2.3 + 5)"/>
    <xsl:variable name="label.width">
      <xsl:choose>
        <xsl:when test="$estimate &lt; 30">30</xsl:when>
        <xsl:when test="$estimate &gt; 55">55</xsl:when>
        <xsl:otherwise><xsl:value-of select="$estimate"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <fo:table table-layout="fixed" width="100%" space-after="2mm"
              border-top="0.5pt solid {$rule.colour}" border-bottom="0.5pt solid {$rule.colour}"
              keep-together.within-page="always">
      <fo:table-column column-number="1" column-width="{$label.width}mm"/>
      <fo:table-column column-number="2" column-width="proportional-column-width(1)"/>
      <fo:table-body>
        <xsl:apply-templates select="*"/>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <xsl:template match="d:facts/d:fact">
    <fo:table-row>
      <fo:table-cell padding="2pt 6pt 2pt 0">
        <xsl:if test="not(preceding-sibling::d:fact)">
          <xsl:attribute name="padding-top">4pt</xsl:attribute>
        </xsl:if>
        <xsl:if test="not(following-sibling::d:fact)">
          <xsl:attribute name="padding-bottom">4pt</xsl:attribute>
        </xsl:if>
        <fo:block font-weight="bold">
          <xsl:value-of select="@label"/>
          <xsl:text>:</xsl:text>
        </fo:block>
      </fo:table-cell>
      <fo:table-cell padding="2pt 0">
        <xsl:if test="not(preceding-sibling::d:fact)">
          <xsl:attribute name="padding-top">4pt</xsl:attribute>
        </xsl:if>
        <xsl:if test="not(following-sibling::d:fact)">
          <xsl:attribute name="padding-bottom">4pt</xsl:attribute>
        </xsl:if>
        <fo:block><xsl:apply-templates/></fo:block>
      </fo:table-cell>
    </fo:table-row>
  </xsl:template>

  <!-- Signatures: two side by side per row; a row is never split across pages. Each: the label
       (bold), the name if given, then "Signed:" and "Date:" with a ruled line to write on, the
       lines starting together. -->
  <xsl:template match="d:record/d:signatures">
    <fo:table table-layout="fixed" width="100%" space-before="6mm">
      <fo:table-column column-number="1" column-width="proportional-column-width(1)"/>
      <fo:table-column column-number="2" column-width="proportional-column-width(1)"/>
      <fo:table-body>
        <xsl:for-each select="d:signature-line[position() mod 2 = 1]">
          <xsl:variable name="row" select=". | following-sibling::d:signature-line[1]"/>
          <fo:table-row keep-together.within-page="always">
            <xsl:apply-templates select="$row">
              <xsl:with-param name="row.has.name" select="boolean($row/d:name)"/>
            </xsl:apply-templates>
            <xsl:if test="count($row) = 1">
              <fo:table-cell><fo:block/></fo:table-cell>
            </xsl:if>
          </fo:table-row>
        </xsl:for-each>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <xsl:template match="d:signatures/d:signature-line">
    <xsl:param name="row.has.name" select="false()"/>
    <fo:table-cell padding-top="6mm" padding-right="10mm">
      <fo:block font-weight="bold" keep-with-next.within-page="always">
        <xsl:value-of select="@label"/>
      </fo:block>
      <xsl:choose>
        <xsl:when test="d:name">
          <xsl:apply-templates select="d:name"/>
        </xsl:when>
        <!-- Keeps the lines level with those of a named signature beside it. -->
        <xsl:when test="$row.has.name">
          <fo:block>&#160;</fo:block>
        </xsl:when>
      </xsl:choose>
      <xsl:call-template name="attendoc.signing.line">
        <xsl:with-param name="label" select="$label.signed"/>
      </xsl:call-template>
      <xsl:call-template name="attendoc.signing.line">
        <xsl:with-param name="label" select="$label.signed.date"/>
        <xsl:with-param name="length">40mm</xsl:with-param>
      </xsl:call-template>
    </fo:table-cell>
  </xsl:template>

  <xsl:template match="d:signature-line/d:name">
    <fo:block><xsl:value-of select="."/></fo:block>
  </xsl:template>

  <!-- "Signed:" in a 16 mm column, then a rule to the end of the cell (or $length long). -->
  <xsl:template name="attendoc.signing.line">
    <xsl:param name="label"/>
    <xsl:param name="length" select="''"/>
    <fo:list-block space-before="{$record.signing.space}" space-before.conditionality="retain"
                   provisional-distance-between-starts="16mm" provisional-label-separation="2mm">
      <fo:list-item>
        <fo:list-item-label end-indent="label-end()">
          <fo:block><xsl:value-of select="$label"/></fo:block>
        </fo:list-item-label>
        <fo:list-item-body start-indent="body-start()">
          <fo:block text-align-last="justify">
            <fo:leader leader-pattern="rule" rule-thickness="0.5pt" rule-style="solid">
              <xsl:if test="string($length) != ''">
                <xsl:attribute name="leader-length"><xsl:value-of select="$length"/></xsl:attribute>
              </xsl:if>
            </fo:leader>
          </fo:block>
        </fo:list-item-body>
      </fo:list-item>
    </fo:list-block>
  </xsl:template>

  <!-- ==================================================================================== -->
  <!-- Body blocks                                                                           -->
  <!-- ==================================================================================== -->

  <xsl:template match="d:body/d:heading">
    <fo:block role="H2" space-before="{$heading.spacing}" font-weight="bold"
              keep-with-next.within-page="always">
      <xsl:apply-templates/>
    </fo:block>
  </xsl:template>

  <xsl:template match="d:body/d:para">
    <fo:block space-before="{$para.spacing}">
      <xsl:apply-templates/>
    </fo:block>
  </xsl:template>

  <!-- Bulleted list. -->
  <xsl:template match="d:body/d:list">
    <fo:list-block space-before="{$para.spacing}"
                   provisional-distance-between-starts="5mm"
                   provisional-label-separation="2mm">
      <xsl:apply-templates select="*"/>
    </fo:list-block>
  </xsl:template>

  <xsl:template match="d:list/d:item">
    <fo:list-item space-before="2pt">
      <fo:list-item-label end-indent="label-end()">
        <fo:block>&#x2022;</fo:block>
      </fo:list-item-label>
      <fo:list-item-body start-indent="body-start()">
        <fo:block><xsl:apply-templates/></fo:block>
      </fo:list-item-body>
    </fo:list-item>
  </xsl:template>

  <!-- Table of figures: caption above, header row from columns/column (bold, shaded,
       repeated after a page break), right-aligned numeric columns, bold total row, no row
       split across pages. Text columns get twice the width of right-aligned (numeric) ones. -->
  <xsl:template match="d:body/d:table">
    <xsl:variable name="dense" select="count(d:columns/d:column) &gt; $table.dense.columns"/>
    <xsl:variable name="large" select="ancestor::d:document/d:meta/d:print = 'large'"/>
    <fo:block space-before="{$para.spacing}" font-size="{$table.font.size}"
              font-weight="bold" keep-with-next.within-page="always">
      <xsl:if test="$large">
        <xsl:attribute name="font-size"><xsl:value-of select="$large.print.font.size"/></xsl:attribute>
      </xsl:if>
      <xsl:value-of select="d:caption"/>
    </fo:block>
    <!-- chart="bars": the same figure as the HTML page's (common/bar-chart.xsl), 15cm wide. -->
    <xsl:if test="@chart = 'bars'">
      <xsl:variable name="units">
        <xsl:call-template name="chart.height"/>
      </xsl:variable>
      <fo:block space-before="3pt" keep-with-next.within-page="always">
        <fo:instream-foreign-object content-width="15cm">
          <xsl:call-template name="chart.bars">
            <xsl:with-param name="colour" select="$accent.colour"/>
            <xsl:with-param name="font" select="$font.family"/>
            <xsl:with-param name="width" select="'15cm'"/>
            <xsl:with-param name="height" select="concat(format-number($units * 15 div $chart.width, '0.###'), 'cm')"/>
          </xsl:call-template>
        </fo:instream-foreign-object>
      </fo:block>
    </xsl:if>
    <fo:table table-layout="fixed" width="100%" space-before="3pt"
              font-size="{$table.font.size}" border-collapse="collapse"
              border-bottom="0.5pt solid {$rule.colour}">
      <xsl:choose>
        <xsl:when test="$large">
          <xsl:attribute name="font-size"><xsl:value-of select="$large.print.font.size"/></xsl:attribute>
        </xsl:when>
        <xsl:when test="$dense">
          <xsl:attribute name="font-size"><xsl:value-of select="$table.dense.font.size"/></xsl:attribute>
        </xsl:when>
      </xsl:choose>
      <xsl:for-each select="d:columns/d:column">
        <fo:table-column column-number="{position()}">
          <xsl:attribute name="column-width">
            <xsl:choose>
              <!-- Many columns: the first (the row's label) twice as wide as the others. -->
              <xsl:when test="$dense and position() = 1">proportional-column-width(2)</xsl:when>
              <xsl:when test="$dense">proportional-column-width(1)</xsl:when>
              <xsl:when test="@align = 'right'">proportional-column-width(1)</xsl:when>
              <xsl:otherwise>proportional-column-width(2)</xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
        </fo:table-column>
      </xsl:for-each>
      <fo:table-header>
        <fo:table-row keep-together.within-page="always">
          <xsl:apply-templates select="d:columns/d:column"/>
        </fo:table-row>
      </fo:table-header>
      <fo:table-body>
        <xsl:apply-templates select="d:row"/>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <!-- The caption and the column list are printed by the table template itself. -->
  <xsl:template match="d:table/d:caption | d:table/d:columns"/>

  <xsl:template match="d:columns/d:column">
    <xsl:variable name="padding">
      <xsl:call-template name="attendoc.cell.padding">
        <xsl:with-param name="columns" select="../d:column"/>
      </xsl:call-template>
    </xsl:variable>
    <fo:table-cell padding="{$padding}" font-weight="bold"
                   background-color="{$table.header.background.colour}"
                   border-bottom="0.75pt solid {$rule.colour}" display-align="after">
      <xsl:call-template name="attendoc.cell.align">
        <xsl:with-param name="align" select="@align"/>
      </xsl:call-template>
      <fo:block><xsl:value-of select="."/></fo:block>
    </fo:table-cell>
  </xsl:template>

  <xsl:template match="d:table/d:row">
    <fo:table-row keep-together.within-page="always">
      <xsl:if test="@role = 'total'">
        <xsl:attribute name="font-weight">bold</xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="*"/>
    </fo:table-row>
  </xsl:template>

  <xsl:template match="d:row/d:cell">
    <xsl:variable name="position" select="count(preceding-sibling::d:cell) + 1"/>
    <xsl:variable name="padding">
      <xsl:call-template name="attendoc.cell.padding">
        <xsl:with-param name="columns" select="../../d:columns/d:column"/>
      </xsl:call-template>
    </xsl:variable>
    <fo:table-cell padding="{$padding}">
      <xsl:if test="../@role = 'total'">
        <xsl:attribute name="border-top">0.75pt solid <xsl:value-of select="$rule.colour"/></xsl:attribute>
      </xsl:if>
      <xsl:call-template name="attendoc.cell.align">
        <xsl:with-param name="align" select="../../d:columns/d:column[$position]/@align"/>
      </xsl:call-template>
      <fo:block><xsl:apply-templates/></fo:block>
    </fo:table-cell>
  </xsl:template>

  <!-- Cell padding, narrow in a dense table ($columns: the table's d:column elements). -->
  <xsl:template name="attendoc.cell.padding">
    <xsl:param name="columns"/>
    <xsl:choose>
      <xsl:when test="count($columns) &gt; $table.dense.columns">1.5pt 2pt</xsl:when>
      <xsl:otherwise>1.5pt 4pt</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="attendoc.cell.align">
    <xsl:param name="align"/>
    <xsl:if test="$align = 'right'">
      <xsl:attribute name="text-align">end</xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- ==================================================================================== -->
  <!-- Inline                                                                                -->
  <!-- ==================================================================================== -->

  <!-- em: stressed, italic. strong: important, bold. Text nodes are copied by the built-in
       template; FOP collapses the source's line breaks and indentation to single spaces. -->
  <xsl:template match="d:em">
    <fo:inline font-style="italic"><xsl:apply-templates/></fo:inline>
  </xsl:template>

  <xsl:template match="d:strong">
    <fo:inline font-weight="bold"><xsl:apply-templates/></fo:inline>
  </xsl:template>

  <!-- ==================================================================================== -->
  <!-- Vocabulary guard (mode attendoc.check): a whitelist mirroring schema/document.rng.     -->
  <!-- Produces no output. Extend it together with the rendering templates, never alone.      -->
  <!-- ==================================================================================== -->

  <!-- Containers: check attributes and children. -->
  <xsl:template mode="attendoc.check"
                match="d:document
                     | d:document/d:meta
                     | d:document/d:letter
                     | d:document/d:record
                     | d:record/d:sender
                     | d:record/d:facts
                     | d:record/d:body
                     | d:record/d:signatures
                     | d:signatures/d:signature-line
                     | d:letter/d:sender
                     | d:letter/d:recipient
                     | d:sender/d:address
                     | d:recipient/d:address
                     | d:letter/d:signature
                     | d:letter/d:body
                     | d:letter/d:enclosures
                     | d:letter/d:copies
                     | d:body/d:list
                     | d:body/d:table
                     | d:table/d:columns">
    <xsl:apply-templates select="@* | *" mode="attendoc.check"/>
  </xsl:template>

  <!-- Text-only leaves: any child element is an error (it reaches the catch-all below).
       meta/audience and document/@kind are deliberately not printed: they steer templates. -->
  <xsl:template mode="attendoc.check"
                match="d:meta/d:title
                     | d:meta/d:author
                     | d:meta/d:reference
                     | d:meta/d:date
                     | d:meta/d:audience
                     | d:meta/d:print
                     | d:sender/d:organisation
                     | d:sender/d:department
                     | d:sender/d:phone
                     | d:sender/d:email
                     | d:sender/d:website
                     | d:address/d:line
                     | d:address/d:postcode
                     | d:recipient/d:name
                     | d:letter/d:date
                     | d:letter/d:reference
                     | d:letter/d:salutation
                     | d:letter/d:closing
                     | d:record/d:title
                     | d:signature-line/d:name
                     | d:signature/d:name
                     | d:signature/d:role
                     | d:signature/d:organisation
                     | d:signature/d:phone
                     | d:signature/d:email
                     | d:table/d:caption
                     | d:columns/d:column">
    <xsl:apply-templates select="@* | *" mode="attendoc.check"/>
  </xsl:template>

  <!-- Inline containers: text, em and strong. -->
  <xsl:template mode="attendoc.check"
                match="d:letter/d:subject
                     | d:facts/d:fact
                     | d:body/d:heading
                     | d:body/d:para
                     | d:list/d:item
                     | d:enclosures/d:item
                     | d:copies/d:item
                     | d:row/d:cell">
    <xsl:apply-templates select="@* | *" mode="attendoc.check"/>
  </xsl:template>

  <xsl:template mode="attendoc.check"
                match="d:em[parent::d:subject or parent::d:heading or parent::d:para
                            or parent::d:item or parent::d:cell or parent::d:fact]
                     | d:strong[parent::d:subject or parent::d:heading or parent::d:para
                                or parent::d:item or parent::d:cell or parent::d:fact]">
    <xsl:apply-templates select="@* | *" mode="attendoc.check"/>
  </xsl:template>

  <!-- A row must have exactly one cell per column, or cells would be lost or misaligned. -->
  <xsl:template mode="attendoc.check" match="d:table/d:row">
    <xsl:if test="count(d:cell) != count(../d:columns/d:column)">
      <xsl:message terminate="yes">
        <xsl:text>fo.xsl: table row </xsl:text>
        <xsl:call-template name="attendoc.path"/>
        <xsl:text> has </xsl:text>
        <xsl:value-of select="count(d:cell)"/>
        <xsl:text> cells but the table has </xsl:text>
        <xsl:value-of select="count(../d:columns/d:column)"/>
        <xsl:text> columns</xsl:text>
      </xsl:message>
    </xsl:if>
    <xsl:apply-templates select="@* | *" mode="attendoc.check"/>
  </xsl:template>

  <!-- Known attributes, with their known values where the rendering depends on them. -->
  <xsl:template mode="attendoc.check"
                match="d:document/@kind | d:document/@xml:lang | d:date/@iso
                     | d:letter/d:reference/@label
                     | d:facts/d:fact/@label
                     | d:signatures/d:signature-line/@label
                     | d:column/@align[. = 'left' or . = 'right']
                     | d:row/@role[. = 'total']
                     | d:table/@chart[. = 'bars']"/>

  <!-- Everything else: stop. -->
  <xsl:template mode="attendoc.check" match="*">
    <xsl:message terminate="yes">
      <xsl:text>fo.xsl: unsupported element {</xsl:text>
      <xsl:value-of select="namespace-uri()"/>
      <xsl:text>}</xsl:text>
      <xsl:value-of select="local-name()"/>
      <xsl:text> at </xsl:text>
      <xsl:call-template name="attendoc.path"/>
    </xsl:message>
  </xsl:template>

  <xsl:template mode="attendoc.check" match="@*">
    <xsl:message terminate="yes">
      <xsl:text>fo.xsl: unsupported attribute </xsl:text>
      <xsl:value-of select="name()"/>
      <xsl:text>="</xsl:text>
      <xsl:value-of select="."/>
      <xsl:text>" on </xsl:text>
      <xsl:for-each select="..">
        <xsl:call-template name="attendoc.path"/>
      </xsl:for-each>
    </xsl:message>
  </xsl:template>

  <!-- Second line of defence: an element that reaches a rendering mode without a template
       there stops the transform too (instead of XSLT's built-in rule copying its text). -->
  <xsl:template match="*">
    <xsl:call-template name="attendoc.unhandled"/>
  </xsl:template>
  <xsl:template match="*" mode="attendoc.letterhead.identity">
    <xsl:call-template name="attendoc.unhandled"/>
  </xsl:template>
  <xsl:template match="*" mode="attendoc.letterhead.contact">
    <xsl:call-template name="attendoc.unhandled"/>
  </xsl:template>
  <xsl:template match="*" mode="attendoc.address">
    <xsl:call-template name="attendoc.unhandled"/>
  </xsl:template>
  <xsl:template match="*" mode="attendoc.recipient">
    <xsl:call-template name="attendoc.unhandled"/>
  </xsl:template>
  <xsl:template match="*" mode="attendoc.reference.lines">
    <xsl:call-template name="attendoc.unhandled"/>
  </xsl:template>
  <xsl:template match="*" mode="attendoc.signature">
    <xsl:call-template name="attendoc.unhandled"/>
  </xsl:template>
  <xsl:template match="*" mode="attendoc.record.contact">
    <xsl:call-template name="attendoc.unhandled"/>
  </xsl:template>
  <xsl:template match="*" mode="attendoc.address.inline">
    <xsl:call-template name="attendoc.unhandled"/>
  </xsl:template>

  <xsl:template name="attendoc.unhandled">
    <xsl:message terminate="yes">
      <xsl:text>fo.xsl: no rendering for element {</xsl:text>
      <xsl:value-of select="namespace-uri()"/>
      <xsl:text>}</xsl:text>
      <xsl:value-of select="local-name()"/>
      <xsl:text> at </xsl:text>
      <xsl:call-template name="attendoc.path"/>
    </xsl:message>
  </xsl:template>

  <!-- /document/letter/body/para[3]: where the current element is, for messages. -->
  <xsl:template name="attendoc.path">
    <xsl:for-each select="ancestor-or-self::*">
      <xsl:text>/</xsl:text>
      <xsl:value-of select="local-name()"/>
      <xsl:variable name="name" select="local-name()"/>
      <xsl:variable name="uri" select="namespace-uri()"/>
      <xsl:if test="../*[local-name() = $name and namespace-uri() = $uri][2]">
        <xsl:text>[</xsl:text>
        <xsl:value-of select="count(preceding-sibling::*[local-name() = $name and namespace-uri() = $uri]) + 1"/>
        <xsl:text>]</xsl:text>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
