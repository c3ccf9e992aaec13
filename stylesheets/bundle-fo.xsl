<?xml version="1.0" encoding="UTF-8"?>
<!--
  Attendoc: evidence bundle vocabulary (urn:attendoc:bundle:1) to XSL-FO, for Apache FOP 2.8.

  Input:  one b:bundle (schema/bundle.rng, docs/bundle-vocabulary.md), already validated.
  Output: fo:root for one of the bundle's two PDFs, chosen by the parameter bundle.part:
            fop -c fop/fop.xconf -fo bundle-part.fo -pdf bundle-part.pdf

  Why two parts. Pages are numbered once, continuously, and the printed number is the PDF page
  number (qpdf stamps it in the bottom-right corner of every page afterwards). But the documents
  the bundle embeds keep their own layout and their own "Page 1 of 2", so they cannot be pages of
  the bundle's own page-sequences. They are typeset apart, and their pages laid under blank pages
  of the bundle:

  bundle.part = 'documents'  THE DOCUMENTS FO: one page-sequence per b:entry/b:typeset, in
                             document order, each numbered from 1 on its own:
                               - an embedded d:document exactly as fo.xsl lays out a letter or a
                                 record (the same template: letterhead, "Page X of Y");
                               - the b:witness-statement on its own masters (MG11 layout, every
                                 page signed: footer "Signed: ______   Page X of Y").
                             A bookmark-tree with one bookmark per typeset entry, titled exactly
                             the entry's @id, opening its first page: Attendoc reads where each
                             entry starts (and so how many pages it has) from these bookmarks.

  bundle.part = 'pages'      THE PAGES FO (the default): the whole bundle, numbered on from the
                             front sheet (page 1), with blank placeholder pages where the
                             documents' pages and the supplied PDFs' pages will go:

       page 1      +===============================+
                   | Court                         |  front sheet: the court, the parties
                   | Prosecutor  v  Defendants     |  ("Northshire County Council v Ms Zoë
                   | EVIDENCE BUNDLE               |  D'Souza and Mr Ciarán O'Brien"), the
                   | Offence / facts table         |  offence, the facts, and for a draft a
                   | [DRAFT: what is missing]      |  boxed list of the gaps
                   +===============================+
       page 2..    Index: per section "A. Summary and chronology", per entry title, date in
                   words, exhibit and page (fo:page-number-citation); every row a link.
       then, per section: a divider page ("Section A", its title), then each entry on new pages:
         content         the entry heading (section, title, date, exhibit), then its blocks;
         supplied-image  the entry heading and the image scaled down to fit, one page;
         supplied-text   the entry heading and the text in a monospaced font, line for line;
         typeset         exactly N blank pages, N from the parameter typeset.pages;
         supplied-pdf    exactly N blank pages, N = @pages.
       Bookmarks: "Front sheet", "Index", one per section ("A. Summary and chronology") with one
       per entry beneath it (its title), in document order, each opening the entry's first page.

  Placeholder pages print nothing at all (no header, no footer), so the page laid beneath shows
  as it is. The bundle's own pages keep out of the stamp's strip (the bottom 10 mm of the page,
  right half): their bottom margin is at least 12 mm and their footer (case reference and
  "Evidence bundle") is on the left. No page number is printed by FOP on them: the stamp does it.

  Parameters the caller passes (string parameters):
    bundle.part     'pages' (default) or 'documents'; anything else stops the transform.
    typeset.pages   pages part only: the page count of every typeset entry, as read from the
                    documents PDF's bookmarks, "id=count id=count " (a space after each pair,
                    ids as in entry/@id, counts positive integers). A typeset entry missing
                    from it stops the transform.
  and, as for fo.xsl: pdf.date (XMP date, fixes the PDF's dates), pdf.title, pdf.author (default:
  the bundle's meta title and author), pdf.creator.tool.

  Structure: this stylesheet imports fo.xsl and adds a template for b:bundle in fo.xsl's mode
  "attendoc.root" (as fo-batch.xsl does for its batch). The bundle's own elements are rendered
  in modes of their own (bundle.*), never in the default mode, so that none of these templates
  can take precedence over fo.xsl's templates for d:* elements (an importing stylesheet's
  templates beat every imported one, whatever their patterns' priority).

  Vocabulary guard: before anything is written, the whole bundle is walked in mode bundle.check,
  a whitelist mirroring schema/bundle.rng (each embedded d:document through fo.xsl's own guard,
  mode attendoc.check). Any element, attribute or stray text the stylesheet does not know, or in
  a place it does not expect, stops the transform (xsl:message terminate="yes") naming it and
  where it is; so does a ref to no entry, an id used twice, a row with the wrong number of
  cells, or a missing page count. Every rendering mode has the same catch-all.

  XSLT 1.0 only. No extension functions, no document(), no file or network access, no clock.
  (The supplied image's file URL is only written into the FO: FOP reads it.)
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format"
                xmlns:d="urn:attendoc:document:1"
                xmlns:b="urn:attendoc:bundle:1"
                exclude-result-prefixes="d b">

  <xsl:import href="fo.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- Whitespace-only text between structural elements is layout of the XML; mixed content
       keeps it, and a supplied text keeps every character. -->
  <xsl:strip-space elements="b:*"/>
  <xsl:preserve-space elements="b:fact b:heading b:para b:charge b:item b:cell b:em b:strong
                                b:declaration b:paragraph b:supplied-text"/>

  <!-- ==================================================================================== -->
  <!-- Parameters                                                                            -->
  <!-- ==================================================================================== -->

  <!-- Which FO file to write: 'pages' (the bundle, with placeholders) or 'documents' (the
       typeset entries). -->
  <xsl:param name="bundle.part">pages</xsl:param>

  <!-- Pages part: "id=count id=count " for every typeset entry (see the header comment). -->
  <xsl:param name="typeset.pages"/>

  <!-- Text. Court bundles are set at 12 pt at least. The font families must be registered
       (embedded) in fop/fop.xconf. -->
  <xsl:param name="bundle.font.size">12pt</xsl:param>
  <xsl:param name="bundle.line.height">1.3</xsl:param>
  <xsl:param name="bundle.mono.font.family">Liberation Mono</xsl:param>
  <xsl:param name="bundle.mono.font.size">12pt</xsl:param>
  <xsl:param name="bundle.running.font.size">10pt</xsl:param>
  <xsl:param name="bundle.title.font.size">16pt</xsl:param>

  <!-- Page margins of the bundle's own pages and of the witness statement. The bottom margin
       must stay at least 12 mm (the stamp's strip is the bottom 10 mm); the left margin leaves
       room to punch and bind. -->
  <xsl:param name="bundle.page.margin.top">15mm</xsl:param>
  <xsl:param name="bundle.page.margin.bottom">12mm</xsl:param>
  <xsl:param name="bundle.page.margin.left">25mm</xsl:param>
  <xsl:param name="bundle.page.margin.right">20mm</xsl:param>

  <!-- Footer and running header: their height and the gap to the body. -->
  <xsl:param name="bundle.footer.extent">8mm</xsl:param>
  <xsl:param name="bundle.footer.gap">5mm</xsl:param>
  <xsl:param name="bundle.header.extent">8mm</xsl:param>
  <xsl:param name="bundle.header.gap">5mm</xsl:param>

  <!-- The witness statement's footer holds the line each page is signed on: taller. -->
  <xsl:param name="bundle.statement.footer.extent">14mm</xsl:param>

  <!-- The highest a supplied image may be, so that it fits one page under the entry heading
       (the body is about 257 mm high; a three-line title takes about 40 mm). -->
  <xsl:param name="bundle.image.max.height">195mm</xsl:param>

  <!-- Table text. At 12 pt a column needs about 22 mm (13 % of the body's width) for a
       nine-letter word in its bold header; FOP cannot break a word (it has no hyphenation
       patterns here), so a word wider than its column runs into the next one. Tables of more
       than bundle.table.dense.columns columns (a schedule of six) are therefore set smaller,
       with narrow padding: the one exception to 12 pt on the bundle's own pages. -->
  <xsl:param name="bundle.table.font.size">12pt</xsl:param>
  <xsl:param name="bundle.table.dense.columns" select="5"/>
  <xsl:param name="bundle.table.dense.font.size">10pt</xsl:param>

  <!-- Colours: links (ref), rules, the table header's background. fo.xsl's text.colour,
       accent.colour and muted.colour are used for text. -->
  <xsl:param name="bundle.link.colour">#1d4f91</xsl:param>
  <xsl:param name="bundle.rule.colour">#8c8c8c</xsl:param>
  <xsl:param name="bundle.table.header.background.colour">#e4ebf3</xsl:param>

  <!-- Words the stylesheet adds (en-GB). -->
  <xsl:param name="bundle.label.bundle">Evidence bundle</xsl:param>
  <xsl:param name="bundle.label.court">Court</xsl:param>
  <xsl:param name="bundle.label.prosecutor">Prosecutor</xsl:param>
  <xsl:param name="bundle.label.defendant">Defendant</xsl:param>
  <xsl:param name="bundle.label.defendants">Defendants</xsl:param>
  <xsl:param name="bundle.label.versus">v</xsl:param>
  <xsl:param name="bundle.label.and">and</xsl:param>
  <xsl:param name="bundle.label.offence">Offence</xsl:param>
  <!-- The family court's words for an application (an Education Supervision Order). -->
  <xsl:param name="bundle.label.applicant">Applicant</xsl:param>
  <xsl:param name="bundle.label.respondent">Respondent</xsl:param>
  <xsl:param name="bundle.label.respondents">Respondents</xsl:param>
  <xsl:param name="bundle.label.application">Application</xsl:param>
  <xsl:param name="bundle.label.draft">DRAFT: not ready to serve.</xsl:param>
  <xsl:param name="bundle.label.missing">What is missing:</xsl:param>
  <xsl:param name="bundle.label.to.do">To do:</xsl:param>
  <xsl:param name="bundle.label.front.sheet">Front sheet</xsl:param>
  <xsl:param name="bundle.label.index">Index</xsl:param>
  <xsl:param name="bundle.label.index.document">Document</xsl:param>
  <xsl:param name="bundle.label.index.date">Date</xsl:param>
  <xsl:param name="bundle.label.index.exhibit">Exhibit</xsl:param>
  <xsl:param name="bundle.label.index.page">Page</xsl:param>
  <xsl:param name="bundle.label.section">Section</xsl:param>
  <xsl:param name="bundle.label.exhibit">Exhibit</xsl:param>
  <xsl:param name="bundle.label.continued">(continued)</xsl:param>
  <xsl:param name="bundle.label.statement">Witness statement</xsl:param>
  <xsl:param name="bundle.label.statement.law">Criminal Procedure Rules, r. 16.2; Criminal Justice Act 1967, s. 9</xsl:param>
  <xsl:param name="bundle.label.statement.law.family">Family Procedure Rules 2010, Part 22; statement of truth under Part 17 and Practice Direction 17A</xsl:param>
  <xsl:param name="bundle.label.statement.of.truth">Statement of truth</xsl:param>
  <xsl:param name="bundle.label.statement.reference">Reference</xsl:param>
  <xsl:param name="bundle.label.statement.of">Statement of</xsl:param>
  <xsl:param name="bundle.label.statement.age">Age if under 18</xsl:param>
  <xsl:param name="bundle.label.statement.occupation">Occupation</xsl:param>
  <xsl:param name="bundle.label.statement.continuation">Continuation of the statement of</xsl:param>
  <xsl:param name="bundle.label.signed">Signed:</xsl:param>
  <xsl:param name="bundle.label.date">Date:</xsl:param>
  <xsl:param name="bundle.label.page">Page</xsl:param>
  <xsl:param name="bundle.label.of">of</xsl:param>

  <!-- Page master names (fixed; referenced only inside this stylesheet). -->
  <xsl:variable name="bundle.master.first">attendoc-bundle-first</xsl:variable>
  <xsl:variable name="bundle.master.rest">attendoc-bundle-rest</xsl:variable>
  <xsl:variable name="bundle.master.entry">attendoc-bundle-entry</xsl:variable>
  <xsl:variable name="bundle.master.blank">attendoc-bundle-blank</xsl:variable>
  <xsl:variable name="bundle.master.statement.first">attendoc-statement-first</xsl:variable>
  <xsl:variable name="bundle.master.statement.rest">attendoc-statement-rest</xsl:variable>
  <xsl:variable name="bundle.master.statement">attendoc-statement</xsl:variable>

  <!-- Fixed FO ids of the bundle's own pages. Entries and sections get "entry-" and
       "section-" followed by their @id, which can never collide with these. -->
  <xsl:variable name="bundle.id.front.sheet">bundle-front-sheet</xsl:variable>
  <xsl:variable name="bundle.id.index">bundle-index</xsl:variable>

  <xsl:variable name="bundle.newline" select="'&#10;'"/>
  <xsl:variable name="bundle.tab" select="'&#9;'"/>

  <!-- Entries by id: the targets of ref, and the check that ids are unique. -->
  <xsl:key name="bundle.entry" match="b:entry" use="@id"/>

  <!-- ==================================================================================== -->
  <!-- Root                                                                                  -->
  <!-- ==================================================================================== -->

  <!-- fo.xsl's match="/" applies templates in mode attendoc.root; a bundle is accepted here. -->
  <xsl:template match="b:bundle" mode="attendoc.root">
    <!-- Refuse anything unknown before any output is produced. -->
    <xsl:apply-templates select="." mode="bundle.check"/>
    <xsl:choose>
      <xsl:when test="$bundle.part = 'pages'">
        <xsl:call-template name="bundle.pages"/>
      </xsl:when>
      <xsl:when test="$bundle.part = 'documents'">
        <xsl:call-template name="bundle.documents"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes">
          <xsl:text>bundle-fo.xsl: the parameter bundle.part must be 'pages' or 'documents', not '</xsl:text>
          <xsl:value-of select="$bundle.part"/>
          <xsl:text>'</xsl:text>
        </xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Any other root (a bare d:document included: fo.xsl is the stylesheet for that) is
       refused. -->
  <xsl:template match="*" mode="attendoc.root">
    <xsl:message terminate="yes">
      <xsl:text>bundle-fo.xsl: the root element must be {urn:attendoc:bundle:1}bundle, not {</xsl:text>
      <xsl:value-of select="namespace-uri()"/>
      <xsl:text>}</xsl:text>
      <xsl:value-of select="local-name()"/>
    </xsl:message>
  </xsl:template>

  <!-- ==================================================================================== -->
  <!-- The documents part                                                                    -->
  <!-- ==================================================================================== -->

  <xsl:template name="bundle.documents">
    <xsl:variable name="typeset" select="b:section/b:entry/b:typeset"/>
    <xsl:if test="not($typeset)">
      <xsl:message terminate="yes">bundle-fo.xsl: bundle.part='documents', but the bundle has no typeset entry (nothing to typeset: skip this part)</xsl:message>
    </xsl:if>
    <fo:root xml:lang="{@xml:lang}">
      <fo:layout-master-set>
        <!-- fo.xsl's masters for letters and records, then the witness statement's. -->
        <xsl:call-template name="attendoc.page.masters">
          <xsl:with-param name="records" select="boolean($typeset/d:document/d:record)"/>
        </xsl:call-template>
        <xsl:if test="$typeset/b:witness-statement">
          <xsl:call-template name="bundle.statement.masters"/>
        </xsl:if>
      </fo:layout-master-set>
      <xsl:call-template name="bundle.declarations"/>
      <fo:bookmark-tree>
        <xsl:for-each select="$typeset">
          <fo:bookmark>
            <xsl:attribute name="internal-destination">
              <xsl:call-template name="bundle.typeset.sequence.id"/>
            </xsl:attribute>
            <fo:bookmark-title><xsl:value-of select="../@id"/></fo:bookmark-title>
          </fo:bookmark>
        </xsl:for-each>
      </fo:bookmark-tree>
      <xsl:for-each select="$typeset">
        <xsl:choose>
          <!-- fo.xsl's own template: one page-sequence, numbered from 1, "Page X of Y". -->
          <xsl:when test="d:document">
            <xsl:apply-templates select="d:document"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:apply-templates select="b:witness-statement" mode="bundle.statement"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </fo:root>
  </xsl:template>

  <!-- The id of the page-sequence a typeset entry makes (context: b:typeset). For a d:document
       it is the id fo.xsl's d:document template gives its page-sequence ('attendoc-letter-'
       and generate-id() of the d:document: the same node gives the same id within one
       transformation); keep the two in step. -->
  <xsl:template name="bundle.typeset.sequence.id">
    <xsl:choose>
      <xsl:when test="d:document">
        <xsl:value-of select="concat('attendoc-letter-', generate-id(d:document))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat('attendoc-statement-', generate-id(b:witness-statement))"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- PDF metadata for either part: the bundle's title and author (or pdf.title, pdf.author),
       and pdf.date when given. The same XMP packet as fo.xsl writes for a letter. -->
  <xsl:template name="bundle.declarations">
    <xsl:variable name="bundle" select="/b:bundle"/>
    <fo:declarations>
      <x:xmpmeta xmlns:x="adobe:ns:meta/">
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
          <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:title>
              <rdf:Alt>
                <rdf:li xml:lang="x-default">
                  <xsl:choose>
                    <xsl:when test="string($pdf.title) != ''"><xsl:value-of select="$pdf.title"/></xsl:when>
                    <xsl:otherwise><xsl:value-of select="$bundle/b:meta/b:title"/></xsl:otherwise>
                  </xsl:choose>
                </rdf:li>
              </rdf:Alt>
            </dc:title>
            <dc:creator>
              <rdf:Seq>
                <rdf:li>
                  <xsl:choose>
                    <xsl:when test="string($pdf.author) != ''"><xsl:value-of select="$pdf.author"/></xsl:when>
                    <xsl:otherwise><xsl:value-of select="$bundle/b:meta/b:author"/></xsl:otherwise>
                  </xsl:choose>
                </rdf:li>
              </rdf:Seq>
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
  <!-- Witness statement (documents part)                                                    -->
  <!-- ==================================================================================== -->

  <!-- MG11-like pages: page 1 starts with the witness's details and the declaration; pages 2+
       have a running header "Continuation of the statement of ..."; every page's footer has
       the line the witness signs on and "Page X of Y" of the statement. -->
  <xsl:template name="bundle.statement.masters">
    <fo:simple-page-master master-name="{$bundle.master.statement.first}"
                           page-width="{$page.width}" page-height="{$page.height}"
                           margin-top="{$bundle.page.margin.top}" margin-bottom="{$bundle.page.margin.bottom}"
                           margin-left="{$bundle.page.margin.left}" margin-right="{$bundle.page.margin.right}">
      <fo:region-body margin-bottom="{$bundle.statement.footer.extent} + {$bundle.footer.gap}"/>
      <fo:region-after region-name="attendoc-statement-footer" extent="{$bundle.statement.footer.extent}"/>
    </fo:simple-page-master>
    <fo:simple-page-master master-name="{$bundle.master.statement.rest}"
                           page-width="{$page.width}" page-height="{$page.height}"
                           margin-top="{$bundle.page.margin.top}" margin-bottom="{$bundle.page.margin.bottom}"
                           margin-left="{$bundle.page.margin.left}" margin-right="{$bundle.page.margin.right}">
      <fo:region-body margin-top="{$bundle.header.extent} + {$bundle.header.gap}"
                      margin-bottom="{$bundle.statement.footer.extent} + {$bundle.footer.gap}"/>
      <fo:region-before region-name="attendoc-statement-header" extent="{$bundle.header.extent}"/>
      <fo:region-after region-name="attendoc-statement-footer" extent="{$bundle.statement.footer.extent}"/>
    </fo:simple-page-master>
    <fo:page-sequence-master master-name="{$bundle.master.statement}">
      <fo:repeatable-page-master-alternatives>
        <fo:conditional-page-master-reference page-position="first" master-reference="{$bundle.master.statement.first}"/>
        <fo:conditional-page-master-reference page-position="rest" master-reference="{$bundle.master.statement.rest}"/>
      </fo:repeatable-page-master-alternatives>
    </fo:page-sequence-master>
  </xsl:template>

  <xsl:template match="b:typeset/b:witness-statement" mode="bundle.statement">
    <xsl:variable name="sequence.id">
      <xsl:for-each select="..">
        <xsl:call-template name="bundle.typeset.sequence.id"/>
      </xsl:for-each>
    </xsl:variable>
    <fo:page-sequence master-reference="{$bundle.master.statement}"
                      id="{$sequence.id}"
                      initial-page-number="1"
                      force-page-count="no-force"
                      xml:lang="{/b:bundle/@xml:lang}"
                      font-family="{$font.family}"
                      font-size="{$bundle.font.size}"
                      line-height="{$bundle.line.height}"
                      color="{$text.colour}"
                      hyphenate="false">
      <fo:static-content flow-name="attendoc-statement-header">
        <fo:block font-size="{$bundle.running.font.size}" color="{$muted.colour}"
                  text-align-last="justify"
                  border-bottom="0.5pt solid {$bundle.rule.colour}" padding-bottom="1.5pt">
          <xsl:value-of select="$bundle.label.statement.continuation"/>
          <xsl:text> </xsl:text>
          <xsl:value-of select="b:witness/b:name"/>
          <fo:leader leader-pattern="space"/>
          <xsl:value-of select="/b:bundle/b:meta/b:reference"/>
        </fo:block>
      </fo:static-content>
      <!-- Every page is signed: "Signed:" and a line on the left, "Page X of Y" on the right,
           where Y is the last page of this page-sequence (the statement), not of the PDF. -->
      <fo:static-content flow-name="attendoc-statement-footer">
        <fo:block border-top="0.5pt solid {$bundle.rule.colour}" padding-top="6mm"
                  text-align-last="justify">
          <xsl:value-of select="$bundle.label.signed"/>
          <xsl:text> </xsl:text>
          <fo:leader leader-pattern="rule" rule-thickness="0.5pt" rule-style="solid"
                     leader-length="70mm"/>
          <fo:leader leader-pattern="space"/>
          <xsl:value-of select="$bundle.label.page"/>
          <xsl:text> </xsl:text>
          <fo:page-number/>
          <xsl:text> </xsl:text>
          <xsl:value-of select="$bundle.label.of"/>
          <xsl:text> </xsl:text>
          <fo:page-number-citation-last ref-id="{$sequence.id}"/>
        </fo:block>
      </fo:static-content>
      <fo:flow flow-name="xsl-region-body">
        <xsl:apply-templates select="*" mode="bundle.statement">
          <xsl:with-param name="sequence.id" select="$sequence.id"/>
        </xsl:apply-templates>
      </fo:flow>
    </fo:page-sequence>
  </xsl:template>

  <!-- Title, the law it is made under, the reference; then the witness's details in a ruled
       table. -->
  <xsl:template match="b:witness-statement/b:witness" mode="bundle.statement">
    <fo:block font-size="{$bundle.title.font.size}" font-weight="bold" text-align="center"
              keep-with-next.within-page="always">
      <xsl:value-of select="$bundle.label.statement"/>
    </fo:block>
    <fo:block font-size="{$bundle.running.font.size}" text-align="center" space-before="2pt"
              keep-with-next.within-page="always">
      <xsl:choose>
        <xsl:when test="../b:statement-of-truth"><xsl:value-of select="$bundle.label.statement.law.family"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$bundle.label.statement.law"/></xsl:otherwise>
      </xsl:choose>
    </fo:block>
    <fo:block text-align="end" space-before="4mm" keep-with-next.within-page="always">
      <xsl:value-of select="$bundle.label.statement.reference"/>
      <xsl:text>: </xsl:text>
      <xsl:value-of select="/b:bundle/b:meta/b:reference"/>
    </fo:block>
    <fo:table table-layout="fixed" width="100%" space-before="3mm"
              border="0.5pt solid {$bundle.rule.colour}" border-collapse="collapse"
              keep-together.within-page="always">
      <fo:table-column column-number="1" column-width="45mm"/>
      <fo:table-column column-number="2" column-width="proportional-column-width(1)"/>
      <fo:table-body>
        <xsl:call-template name="bundle.statement.detail">
          <xsl:with-param name="label" select="$bundle.label.statement.of"/>
          <xsl:with-param name="value" select="b:name"/>
        </xsl:call-template>
        <xsl:call-template name="bundle.statement.detail">
          <xsl:with-param name="label" select="$bundle.label.statement.age"/>
          <xsl:with-param name="value" select="b:age"/>
        </xsl:call-template>
        <xsl:call-template name="bundle.statement.detail">
          <xsl:with-param name="label" select="$bundle.label.statement.occupation"/>
          <xsl:with-param name="value" select="b:occupation"/>
        </xsl:call-template>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <xsl:template name="bundle.statement.detail">
    <xsl:param name="label"/>
    <xsl:param name="value"/>
    <fo:table-row>
      <fo:table-cell padding="2pt 4pt" border-bottom="0.5pt solid {$bundle.rule.colour}">
        <fo:block font-weight="bold"><xsl:value-of select="$label"/>:</fo:block>
      </fo:table-cell>
      <fo:table-cell padding="2pt 4pt" border-bottom="0.5pt solid {$bundle.rule.colour}">
        <fo:block><xsl:value-of select="$value"/></fo:block>
      </fo:table-cell>
    </fo:table-row>
  </xsl:template>

  <!-- The declaration, as the MG11 prints it, signed and dated at once. -->
  <xsl:template match="b:witness-statement/b:declaration" mode="bundle.statement">
    <xsl:param name="sequence.id"/>
    <fo:block space-before="5mm" keep-together.within-page="always">
      <fo:block>
        <xsl:apply-templates mode="bundle.statement.inline">
          <xsl:with-param name="sequence.id" select="$sequence.id"/>
        </xsl:apply-templates>
      </fo:block>
      <xsl:call-template name="bundle.signing.lines"/>
    </fo:block>
  </xsl:template>

  <!-- A family court statement ends with the statement of truth, kept with the signature. -->
  <xsl:template match="b:witness-statement/b:statement-of-truth" mode="bundle.statement">
    <fo:block space-before="8mm" keep-together.within-page="always" keep-with-next.within-page="always">
      <fo:block font-weight="bold"><xsl:value-of select="$bundle.label.statement.of.truth"/></fo:block>
      <fo:block space-before="2pt" text-align="justify"><xsl:value-of select="."/></fo:block>
    </fo:block>
  </xsl:template>

  <!-- Numbered paragraphs: 1, 2, 3 ... with a hanging number. -->
  <xsl:template match="b:witness-statement/b:paragraph" mode="bundle.statement">
    <xsl:param name="sequence.id"/>
    <fo:list-block space-before="8pt" provisional-distance-between-starts="10mm"
                   provisional-label-separation="2mm">
      <xsl:if test="not(preceding-sibling::b:paragraph)">
        <xsl:attribute name="space-before">8mm</xsl:attribute>
      </xsl:if>
      <fo:list-item>
        <fo:list-item-label end-indent="label-end()">
          <fo:block><xsl:value-of select="count(preceding-sibling::b:paragraph) + 1"/>.</fo:block>
        </fo:list-item-label>
        <fo:list-item-body start-indent="body-start()">
          <fo:block text-align="justify">
            <xsl:apply-templates mode="bundle.statement.inline">
              <xsl:with-param name="sequence.id" select="$sequence.id"/>
            </xsl:apply-templates>
          </fo:block>
        </fo:list-item-body>
      </fo:list-item>
    </fo:list-block>
  </xsl:template>

  <!-- The signature: the name, then ruled "Signed:" and "Date:" lines, kept together and with
       the last paragraph. -->
  <xsl:template match="b:witness-statement/b:signature" mode="bundle.statement">
    <fo:block space-before="10mm" keep-together.within-page="always"
              keep-with-previous.within-page="always">
      <fo:block font-weight="bold"><xsl:value-of select="b:name"/></fo:block>
      <xsl:call-template name="bundle.signing.lines"/>
    </fo:block>
  </xsl:template>

  <!-- "Signed: ________   Date: ________" on one line. -->
  <xsl:template name="bundle.signing.lines">
    <fo:block space-before="9mm" space-before.conditionality="retain">
      <xsl:value-of select="$bundle.label.signed"/>
      <xsl:text> </xsl:text>
      <fo:leader leader-pattern="rule" rule-thickness="0.5pt" rule-style="solid" leader-length="70mm"/>
      <xsl:text>   </xsl:text>
      <xsl:value-of select="$bundle.label.date"/>
      <xsl:text> </xsl:text>
      <fo:leader leader-pattern="rule" rule-thickness="0.5pt" rule-style="solid" leader-length="40mm"/>
    </fo:block>
  </xsl:template>

  <!-- Statement inline: em, strong, and page-count, the number of pages of this statement. -->
  <xsl:template match="b:page-count" mode="bundle.statement.inline">
    <xsl:param name="sequence.id"/>
    <fo:page-number-citation-last ref-id="{$sequence.id}"/>
  </xsl:template>

  <xsl:template match="b:em" mode="bundle.statement.inline">
    <fo:inline font-style="italic"><xsl:apply-templates mode="bundle.statement.inline"/></fo:inline>
  </xsl:template>

  <xsl:template match="b:strong" mode="bundle.statement.inline">
    <fo:inline font-weight="bold"><xsl:apply-templates mode="bundle.statement.inline"/></fo:inline>
  </xsl:template>

  <!-- ==================================================================================== -->
  <!-- The pages part                                                                        -->
  <!-- ==================================================================================== -->

  <xsl:template name="bundle.pages">
    <fo:root xml:lang="{@xml:lang}">
      <xsl:call-template name="bundle.pages.masters"/>
      <xsl:call-template name="bundle.declarations"/>
      <xsl:call-template name="bundle.bookmarks"/>
      <xsl:apply-templates select="b:front-sheet" mode="bundle.front"/>
      <xsl:call-template name="bundle.index"/>
      <xsl:apply-templates select="b:section" mode="bundle.section"/>
    </fo:root>
  </xsl:template>

  <!-- The bundle's own pages: the first page of an entry (no running header), its later pages
       (a running header naming the section and the entry), and the blank placeholder page
       (no regions but the body: nothing is ever printed on it). Footers sit above the bottom
       margin, out of the stamp's strip. -->
  <xsl:template name="bundle.pages.masters">
    <fo:layout-master-set>
      <fo:simple-page-master master-name="{$bundle.master.first}"
                             page-width="{$page.width}" page-height="{$page.height}"
                             margin-top="{$bundle.page.margin.top}" margin-bottom="{$bundle.page.margin.bottom}"
                             margin-left="{$bundle.page.margin.left}" margin-right="{$bundle.page.margin.right}">
        <fo:region-body margin-bottom="{$bundle.footer.extent} + {$bundle.footer.gap}"/>
        <fo:region-after region-name="attendoc-bundle-footer" extent="{$bundle.footer.extent}"/>
      </fo:simple-page-master>
      <fo:simple-page-master master-name="{$bundle.master.rest}"
                             page-width="{$page.width}" page-height="{$page.height}"
                             margin-top="{$bundle.page.margin.top}" margin-bottom="{$bundle.page.margin.bottom}"
                             margin-left="{$bundle.page.margin.left}" margin-right="{$bundle.page.margin.right}">
        <fo:region-body margin-top="{$bundle.header.extent} + {$bundle.header.gap}"
                        margin-bottom="{$bundle.footer.extent} + {$bundle.footer.gap}"/>
        <fo:region-before region-name="attendoc-bundle-header" extent="{$bundle.header.extent}"/>
        <fo:region-after region-name="attendoc-bundle-footer" extent="{$bundle.footer.extent}"/>
      </fo:simple-page-master>
      <fo:page-sequence-master master-name="{$bundle.master.entry}">
        <fo:repeatable-page-master-alternatives>
          <fo:conditional-page-master-reference page-position="first" master-reference="{$bundle.master.first}"/>
          <fo:conditional-page-master-reference page-position="rest" master-reference="{$bundle.master.rest}"/>
        </fo:repeatable-page-master-alternatives>
      </fo:page-sequence-master>
      <fo:simple-page-master master-name="{$bundle.master.blank}"
                             page-width="{$page.width}" page-height="{$page.height}">
        <fo:region-body/>
      </fo:simple-page-master>
    </fo:layout-master-set>
  </xsl:template>

  <!-- Bookmarks: the front sheet, the index, then each section with its entries. -->
  <xsl:template name="bundle.bookmarks">
    <fo:bookmark-tree>
      <fo:bookmark internal-destination="{$bundle.id.front.sheet}">
        <fo:bookmark-title><xsl:value-of select="$bundle.label.front.sheet"/></fo:bookmark-title>
      </fo:bookmark>
      <fo:bookmark internal-destination="{$bundle.id.index}">
        <fo:bookmark-title><xsl:value-of select="$bundle.label.index"/></fo:bookmark-title>
      </fo:bookmark>
      <xsl:for-each select="b:section">
        <fo:bookmark internal-destination="section-{@id}" starting-state="show">
          <fo:bookmark-title><xsl:call-template name="bundle.section.name"/></fo:bookmark-title>
          <xsl:for-each select="b:entry">
            <fo:bookmark internal-destination="entry-{@id}">
              <fo:bookmark-title><xsl:value-of select="@title"/></fo:bookmark-title>
            </fo:bookmark>
          </xsl:for-each>
        </fo:bookmark>
      </xsl:for-each>
    </fo:bookmark-tree>
  </xsl:template>

  <!-- "A. Summary and chronology" (context: b:section). -->
  <xsl:template name="bundle.section.name">
    <xsl:value-of select="concat(@letter, '. ', @title)"/>
  </xsl:template>

  <!-- The footer of every bundle page but the placeholders: reference and "Evidence bundle",
       on the left only (the stamp prints the page number on the right). -->
  <xsl:template name="bundle.footer">
    <fo:static-content flow-name="attendoc-bundle-footer">
      <fo:block font-size="{$bundle.running.font.size}" color="{$muted.colour}"
                border-top="0.5pt solid {$bundle.rule.colour}" padding-top="2pt">
        <xsl:value-of select="/b:bundle/b:meta/b:reference"/>
        <xsl:text>  &#183;  </xsl:text>
        <xsl:value-of select="$bundle.label.bundle"/>
      </fo:block>
    </fo:static-content>
  </xsl:template>

  <!-- Attributes every page-sequence of the bundle's own pages has. Page numbers run on
       (initial-page-number auto), and no blank page is ever forced. -->
  <xsl:template name="bundle.sequence.properties">
    <xsl:attribute name="force-page-count">no-force</xsl:attribute>
    <xsl:attribute name="xml:lang"><xsl:value-of select="/b:bundle/@xml:lang"/></xsl:attribute>
    <xsl:attribute name="font-family"><xsl:value-of select="$font.family"/></xsl:attribute>
    <xsl:attribute name="font-size"><xsl:value-of select="$bundle.font.size"/></xsl:attribute>
    <xsl:attribute name="line-height"><xsl:value-of select="$bundle.line.height"/></xsl:attribute>
    <xsl:attribute name="color"><xsl:value-of select="$text.colour"/></xsl:attribute>
    <xsl:attribute name="hyphenate">false</xsl:attribute>
  </xsl:template>

  <!-- ==================================================================================== -->
  <!-- Front sheet                                                                           -->
  <!-- ==================================================================================== -->

  <xsl:template match="b:bundle/b:front-sheet" mode="bundle.front">
    <fo:page-sequence master-reference="{$bundle.master.first}" initial-page-number="1">
      <xsl:call-template name="bundle.sequence.properties"/>
      <xsl:call-template name="bundle.footer"/>
      <fo:flow flow-name="xsl-region-body">
        <fo:block id="{$bundle.id.front.sheet}" text-align="center">
          <xsl:apply-templates select="b:court | b:parties" mode="bundle.front"/>
        </fo:block>
        <fo:block font-size="22pt" font-weight="bold" color="{$accent.colour}" text-align="center"
                  space-before="8mm" padding-top="6mm"
                  border-top="1.5pt solid {$accent.colour}">
          <xsl:value-of select="$bundle.label.bundle"/>
        </fo:block>
        <xsl:call-template name="bundle.front.facts"/>
        <xsl:apply-templates select="b:gaps" mode="bundle.front"/>
        <!-- A draft with no gaps listed still says it is a draft. -->
        <xsl:if test="/b:bundle/@status = 'draft' and not(b:gaps)">
          <xsl:call-template name="bundle.draft.box"/>
        </xsl:if>
      </fo:flow>
    </fo:page-sequence>
  </xsl:template>

  <xsl:template match="b:front-sheet/b:court" mode="bundle.front">
    <fo:block space-before="10mm" color="{$muted.colour}">
      <xsl:value-of select="$bundle.label.court"/>
    </fo:block>
    <fo:block font-size="{$bundle.title.font.size}" font-weight="bold">
      <xsl:value-of select="."/>
    </fo:block>
  </xsl:template>

  <!-- Northshire County Council / Prosecutor / v / Ms Zoë D'Souza / and / Mr Ciarán O'Brien /
       Defendants: read down the page it is "Prosecutor v Defendant and Defendant" (for the
       family court, "Applicant v Respondent and Respondent"). -->
  <xsl:template match="b:front-sheet/b:parties" mode="bundle.front">
    <fo:block space-before="14mm" font-size="{$bundle.title.font.size}" font-weight="bold">
      <xsl:value-of select="b:prosecutor | b:applicant"/>
    </fo:block>
    <fo:block color="{$muted.colour}">
      <xsl:choose>
        <xsl:when test="b:applicant"><xsl:value-of select="$bundle.label.applicant"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$bundle.label.prosecutor"/></xsl:otherwise>
      </xsl:choose>
    </fo:block>
    <fo:block space-before="6mm" space-after="6mm" font-size="{$bundle.title.font.size}">
      <xsl:value-of select="$bundle.label.versus"/>
    </fo:block>
    <xsl:for-each select="b:defendant | b:respondent">
      <xsl:if test="position() &gt; 1">
        <fo:block><xsl:value-of select="$bundle.label.and"/></fo:block>
      </xsl:if>
      <fo:block font-size="{$bundle.title.font.size}" font-weight="bold">
        <xsl:value-of select="."/>
      </fo:block>
    </xsl:for-each>
    <fo:block color="{$muted.colour}">
      <xsl:choose>
        <xsl:when test="count(b:respondent) &gt; 1"><xsl:value-of select="$bundle.label.respondents"/></xsl:when>
        <xsl:when test="b:respondent"><xsl:value-of select="$bundle.label.respondent"/></xsl:when>
        <xsl:when test="count(b:defendant) &gt; 1"><xsl:value-of select="$bundle.label.defendants"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$bundle.label.defendant"/></xsl:otherwise>
      </xsl:choose>
    </fo:block>
  </xsl:template>

  <!-- The offence, then the facts: a two-column table, bold labels, ruled between rows. -->
  <xsl:template name="bundle.front.facts">
    <fo:table table-layout="fixed" width="100%" space-before="8mm" border-collapse="collapse"
              border-top="0.5pt solid {$bundle.rule.colour}">
      <fo:table-column column-number="1" column-width="50mm"/>
      <fo:table-column column-number="2" column-width="proportional-column-width(1)"/>
      <fo:table-body>
        <fo:table-row keep-together.within-page="always">
          <xsl:call-template name="bundle.fact.label">
            <xsl:with-param name="label">
              <xsl:choose>
                <xsl:when test="b:application"><xsl:value-of select="$bundle.label.application"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="$bundle.label.offence"/></xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
          </xsl:call-template>
          <fo:table-cell padding="3pt 0" border-bottom="0.5pt solid {$bundle.rule.colour}">
            <fo:block><xsl:value-of select="b:offence | b:application"/></fo:block>
          </fo:table-cell>
        </fo:table-row>
        <xsl:apply-templates select="b:facts/b:fact" mode="bundle.front"/>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <xsl:template match="b:facts/b:fact" mode="bundle.front">
    <fo:table-row keep-together.within-page="always">
      <xsl:call-template name="bundle.fact.label">
        <xsl:with-param name="label" select="@label"/>
      </xsl:call-template>
      <fo:table-cell padding="3pt 0" border-bottom="0.5pt solid {$bundle.rule.colour}">
        <fo:block><xsl:apply-templates mode="bundle.inline"/></fo:block>
      </fo:table-cell>
    </fo:table-row>
  </xsl:template>

  <xsl:template name="bundle.fact.label">
    <xsl:param name="label"/>
    <fo:table-cell padding="3pt 6pt 3pt 0" border-bottom="0.5pt solid {$bundle.rule.colour}">
      <fo:block font-weight="bold"><xsl:value-of select="$label"/>:</fo:block>
    </fo:table-cell>
  </xsl:template>

  <!-- A draft: a heavy box, "DRAFT: not ready to serve. What is missing:" and each gap: where,
       what, and what to do. -->
  <xsl:template match="b:front-sheet/b:gaps" mode="bundle.front">
    <xsl:call-template name="bundle.draft.box">
      <xsl:with-param name="gaps" select="b:gap"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="bundle.draft.box">
    <xsl:param name="gaps" select="/.."/>
    <fo:block space-before="8mm" margin-left="0pt" margin-right="0pt" padding="3mm 4mm"
              border="2pt solid {$text.colour}">
      <fo:block font-weight="bold" font-size="14pt" keep-with-next.within-page="always">
        <xsl:value-of select="$bundle.label.draft"/>
        <xsl:if test="$gaps">
          <xsl:text> </xsl:text>
          <xsl:value-of select="$bundle.label.missing"/>
        </xsl:if>
      </fo:block>
      <xsl:if test="$gaps">
        <fo:list-block provisional-distance-between-starts="6mm" provisional-label-separation="2mm">
          <xsl:apply-templates select="$gaps" mode="bundle.front"/>
        </fo:list-block>
      </xsl:if>
    </fo:block>
  </xsl:template>

  <xsl:template match="b:gaps/b:gap" mode="bundle.front">
    <fo:list-item space-before="4pt" keep-together.within-page="always">
      <fo:list-item-label end-indent="label-end()">
        <fo:block>&#x2022;</fo:block>
      </fo:list-item-label>
      <fo:list-item-body start-indent="body-start()">
        <fo:block>
          <fo:inline font-weight="bold"><xsl:value-of select="b:place"/></fo:inline>
          <xsl:text>: </xsl:text>
          <xsl:value-of select="b:problem"/>
        </fo:block>
        <fo:block>
          <fo:inline font-style="italic"><xsl:value-of select="$bundle.label.to.do"/></fo:inline>
          <xsl:text> </xsl:text>
          <xsl:value-of select="b:to-do"/>
        </fo:block>
      </fo:list-item-body>
    </fo:list-item>
  </xsl:template>

  <!-- ==================================================================================== -->
  <!-- Index                                                                                 -->
  <!-- ==================================================================================== -->

  <!-- One table: per section a heading row ("A. Summary and chronology" and the page of its
       divider), per entry a row (title, date in words, exhibit, page), every cell a link to
       the entry. The header row repeats on every page the index runs over. -->
  <xsl:template name="bundle.index">
    <fo:page-sequence master-reference="{$bundle.master.first}">
      <xsl:call-template name="bundle.sequence.properties"/>
      <xsl:call-template name="bundle.footer"/>
      <fo:flow flow-name="xsl-region-body">
        <fo:block id="{$bundle.id.index}" font-size="{$bundle.title.font.size}" font-weight="bold"
                  space-after="5mm" keep-with-next.within-page="always">
          <xsl:value-of select="$bundle.label.index"/>
        </fo:block>
        <fo:table table-layout="fixed" width="100%" border-collapse="collapse"
                  border-bottom="0.5pt solid {$bundle.rule.colour}">
          <fo:table-column column-number="1" column-width="proportional-column-width(1)"/>
          <fo:table-column column-number="2" column-width="43mm"/>
          <fo:table-column column-number="3" column-width="20mm"/>
          <fo:table-column column-number="4" column-width="14mm"/>
          <fo:table-header>
            <fo:table-row font-weight="bold" background-color="{$bundle.table.header.background.colour}">
              <xsl:call-template name="bundle.index.header.cell">
                <xsl:with-param name="label" select="$bundle.label.index.document"/>
              </xsl:call-template>
              <xsl:call-template name="bundle.index.header.cell">
                <xsl:with-param name="label" select="$bundle.label.index.date"/>
              </xsl:call-template>
              <xsl:call-template name="bundle.index.header.cell">
                <xsl:with-param name="label" select="$bundle.label.index.exhibit"/>
              </xsl:call-template>
              <xsl:call-template name="bundle.index.header.cell">
                <xsl:with-param name="label" select="$bundle.label.index.page"/>
                <xsl:with-param name="align">end</xsl:with-param>
              </xsl:call-template>
            </fo:table-row>
          </fo:table-header>
          <fo:table-body>
            <xsl:apply-templates select="b:section" mode="bundle.index"/>
          </fo:table-body>
        </fo:table>
      </fo:flow>
    </fo:page-sequence>
  </xsl:template>

  <xsl:template name="bundle.index.header.cell">
    <xsl:param name="label"/>
    <xsl:param name="align">start</xsl:param>
    <fo:table-cell padding="2pt 4pt" text-align="{$align}"
                   border-bottom="0.75pt solid {$bundle.rule.colour}">
      <fo:block><xsl:value-of select="$label"/></fo:block>
    </fo:table-cell>
  </xsl:template>

  <xsl:template match="b:bundle/b:section" mode="bundle.index">
    <fo:table-row keep-with-next.within-page="always">
      <fo:table-cell number-columns-spanned="3" padding="8pt 4pt 2pt 4pt">
        <fo:block font-weight="bold">
          <fo:basic-link internal-destination="section-{@id}">
            <xsl:call-template name="bundle.section.name"/>
          </fo:basic-link>
        </fo:block>
      </fo:table-cell>
      <fo:table-cell padding="8pt 4pt 2pt 4pt" text-align="end">
        <fo:block font-weight="bold">
          <fo:basic-link internal-destination="section-{@id}">
            <fo:page-number-citation ref-id="section-{@id}"/>
          </fo:basic-link>
        </fo:block>
      </fo:table-cell>
    </fo:table-row>
    <xsl:apply-templates select="b:entry" mode="bundle.index"/>
  </xsl:template>

  <xsl:template match="b:section/b:entry" mode="bundle.index">
    <xsl:variable name="target" select="concat('entry-', @id)"/>
    <fo:table-row keep-together.within-page="always">
      <fo:table-cell padding="2pt 4pt 2pt 12pt" border-top="0.25pt solid {$bundle.rule.colour}">
        <fo:block>
          <fo:basic-link internal-destination="{$target}"><xsl:value-of select="@title"/></fo:basic-link>
        </fo:block>
      </fo:table-cell>
      <fo:table-cell padding="2pt 4pt" border-top="0.25pt solid {$bundle.rule.colour}">
        <fo:block>
          <fo:basic-link internal-destination="{$target}"><xsl:value-of select="@date-text"/></fo:basic-link>
        </fo:block>
      </fo:table-cell>
      <fo:table-cell padding="2pt 4pt" border-top="0.25pt solid {$bundle.rule.colour}">
        <fo:block>
          <fo:basic-link internal-destination="{$target}"><xsl:value-of select="@exhibit"/></fo:basic-link>
        </fo:block>
      </fo:table-cell>
      <fo:table-cell padding="2pt 4pt" text-align="end" border-top="0.25pt solid {$bundle.rule.colour}">
        <fo:block>
          <fo:basic-link internal-destination="{$target}"><fo:page-number-citation ref-id="{$target}"/></fo:basic-link>
        </fo:block>
      </fo:table-cell>
    </fo:table-row>
  </xsl:template>

  <!-- ==================================================================================== -->
  <!-- Sections and entries                                                                  -->
  <!-- ==================================================================================== -->

  <!-- A divider page ("Section A", its title), then each entry. -->
  <xsl:template match="b:bundle/b:section" mode="bundle.section">
    <fo:page-sequence master-reference="{$bundle.master.first}">
      <xsl:call-template name="bundle.sequence.properties"/>
      <xsl:call-template name="bundle.footer"/>
      <fo:flow flow-name="xsl-region-body">
        <fo:block id="section-{@id}" space-before="80mm" space-before.conditionality="retain"
                  text-align="center" color="{$muted.colour}" font-size="{$bundle.title.font.size}">
          <xsl:value-of select="concat($bundle.label.section, ' ', @letter)"/>
        </fo:block>
        <fo:block text-align="center" font-size="24pt" font-weight="bold" space-before="4mm"
                  line-height="1.2">
          <xsl:value-of select="@title"/>
        </fo:block>
      </fo:flow>
    </fo:page-sequence>
    <xsl:apply-templates select="b:entry" mode="bundle.entry"/>
  </xsl:template>

  <!-- An entry the bundle lays out itself: a page-sequence of its own (so it starts on a new
       page), the entry heading on its first page, a running header on the others. -->
  <xsl:template match="b:section/b:entry[b:content or b:supplied-image or b:supplied-text]"
                mode="bundle.entry">
    <fo:page-sequence master-reference="{$bundle.master.entry}">
      <xsl:call-template name="bundle.sequence.properties"/>
      <fo:static-content flow-name="attendoc-bundle-header">
        <fo:block font-size="{$bundle.running.font.size}" color="{$muted.colour}"
                  border-bottom="0.5pt solid {$bundle.rule.colour}" padding-bottom="1.5pt">
          <xsl:for-each select="..">
            <xsl:call-template name="bundle.section.name"/>
          </xsl:for-each>
          <xsl:text>  &#183;  </xsl:text>
          <xsl:value-of select="@title"/>
          <xsl:text> </xsl:text>
          <xsl:value-of select="$bundle.label.continued"/>
        </fo:block>
      </fo:static-content>
      <xsl:call-template name="bundle.footer"/>
      <fo:flow flow-name="xsl-region-body">
        <xsl:call-template name="bundle.entry.heading"/>
        <xsl:apply-templates select="*" mode="bundle.entry.body"/>
      </fo:flow>
    </fo:page-sequence>
  </xsl:template>

  <!-- A typeset entry or a supplied PDF: exactly N blank pages, the entry's id on the first.
       A blank page is made by an empty block-container of fixed height, the 2nd to Nth with
       break-before="page": FOP makes no page for an empty fo:block, even with a break. -->
  <xsl:template match="b:section/b:entry[b:typeset or b:supplied-pdf]" mode="bundle.entry">
    <xsl:variable name="count">
      <xsl:choose>
        <xsl:when test="b:supplied-pdf"><xsl:value-of select="b:supplied-pdf/@pages"/></xsl:when>
        <xsl:otherwise><xsl:call-template name="bundle.typeset.count"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <fo:page-sequence master-reference="{$bundle.master.blank}" force-page-count="no-force">
      <fo:flow flow-name="xsl-region-body">
        <fo:block-container id="entry-{@id}" height="1pt">
          <fo:block/>
        </fo:block-container>
        <xsl:call-template name="bundle.blank.pages">
          <xsl:with-param name="count" select="number($count) - 1"/>
        </xsl:call-template>
      </fo:flow>
    </fo:page-sequence>
  </xsl:template>

  <!-- $count more blank pages; halving keeps the recursion shallow for a long PDF. -->
  <xsl:template name="bundle.blank.pages">
    <xsl:param name="count"/>
    <xsl:choose>
      <xsl:when test="$count &lt;= 0"/>
      <xsl:when test="$count = 1">
        <fo:block-container break-before="page" height="1pt">
          <fo:block/>
        </fo:block-container>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="half" select="floor($count div 2)"/>
        <xsl:call-template name="bundle.blank.pages">
          <xsl:with-param name="count" select="$half"/>
        </xsl:call-template>
        <xsl:call-template name="bundle.blank.pages">
          <xsl:with-param name="count" select="$count - $half"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The page count typeset.pages gives the entry (context: b:entry), or stop. -->
  <xsl:template name="bundle.typeset.count">
    <xsl:variable name="after" select="substring-after(concat(' ', normalize-space($typeset.pages), ' '), concat(' ', @id, '='))"/>
    <xsl:variable name="value" select="substring-before($after, ' ')"/>
    <xsl:if test="string(number($value)) = 'NaN' or number($value) &lt; 1 or number($value) != floor(number($value))">
      <xsl:message terminate="yes">
        <xsl:text>bundle-fo.xsl: the parameter typeset.pages gives no page count for the typeset entry '</xsl:text>
        <xsl:value-of select="@id"/>
        <xsl:text>' (typeset.pages is "</xsl:text>
        <xsl:value-of select="$typeset.pages"/>
        <xsl:text>"; expected "id=count id=count ", from the documents PDF's bookmarks)</xsl:text>
      </xsl:message>
    </xsl:if>
    <xsl:value-of select="number($value)"/>
  </xsl:template>

  <!-- The heading on an entry's first page: the section, the entry's title, its date and
       exhibit number, ruled off. It carries the entry's id. -->
  <xsl:template name="bundle.entry.heading">
    <fo:block id="entry-{@id}" keep-with-next.within-page="always" space-after="5mm"
              border-bottom="1pt solid {$accent.colour}" padding-bottom="2mm">
      <fo:block color="{$muted.colour}">
        <xsl:for-each select="..">
          <xsl:call-template name="bundle.section.name"/>
        </xsl:for-each>
      </fo:block>
      <fo:block font-size="{$bundle.title.font.size}" font-weight="bold" color="{$accent.colour}"
                line-height="1.2" space-before="1mm">
        <xsl:value-of select="@title"/>
      </fo:block>
      <xsl:if test="@date-text or @exhibit">
        <fo:block space-before="1mm">
          <xsl:value-of select="@date-text"/>
          <xsl:if test="@date-text and @exhibit">
            <xsl:text>  &#183;  </xsl:text>
          </xsl:if>
          <xsl:if test="@exhibit">
            <xsl:value-of select="concat($bundle.label.exhibit, ' ')"/>
            <fo:inline font-weight="bold"><xsl:value-of select="@exhibit"/></fo:inline>
          </xsl:if>
        </fo:block>
      </xsl:if>
    </fo:block>
  </xsl:template>

  <xsl:template match="b:entry/b:content" mode="bundle.entry.body">
    <xsl:apply-templates select="*" mode="bundle.block"/>
  </xsl:template>

  <!-- The image, scaled down (never up) to fit the width of the body and
       bundle.image.max.height, keeping its proportions, centred, with a thin frame so that the
       edge of a white scan shows. -->
  <xsl:template match="b:entry/b:supplied-image" mode="bundle.entry.body">
    <fo:block text-align="center" keep-with-previous.within-page="always">
      <fo:external-graphic src="{@src}"
                           inline-progression-dimension.maximum="100%"
                           block-progression-dimension.maximum="{$bundle.image.max.height}"
                           content-width="scale-down-to-fit" content-height="scale-down-to-fit"
                           scaling="uniform" border="0.5pt solid {$bundle.rule.colour}"/>
    </fo:block>
  </xsl:template>

  <!-- The text line for line, one fo:block per line: spaces inside a line are kept, a leading
       indent too (as no-break spaces), tabs are expanded to the next multiple of 8 columns,
       and a line too long for the page wraps with its continuation indented, so that it still
       reads as one line. One line break straight after the start tag and one at the very end
       are dropped (as HTML's pre does). -->
  <xsl:template match="b:entry/b:supplied-text" mode="bundle.entry.body">
    <xsl:variable name="start.trimmed">
      <xsl:choose>
        <xsl:when test="starts-with(., $bundle.newline)"><xsl:value-of select="substring(., 2)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="text">
      <xsl:choose>
        <xsl:when test="substring($start.trimmed, string-length($start.trimmed)) = $bundle.newline">
          <xsl:value-of select="substring($start.trimmed, 1, string-length($start.trimmed) - 1)"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$start.trimmed"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <fo:block font-family="{$bundle.mono.font.family}" font-size="{$bundle.mono.font.size}"
              line-height="1.25" text-align="start" white-space-collapse="false"
              wrap-option="wrap">
      <xsl:call-template name="bundle.text.lines">
        <xsl:with-param name="text" select="$text"/>
      </xsl:call-template>
    </fo:block>
  </xsl:template>

  <!-- Splits text into lines. Long text is first split at a line break near its middle, so
       the recursion is only as deep as the logarithm of the text's length (plus the lines of a
       piece of at most 200 characters). -->
  <xsl:template name="bundle.text.lines">
    <xsl:param name="text"/>
    <xsl:variable name="middle" select="floor(string-length($text) div 2)"/>
    <xsl:variable name="second.half" select="substring($text, $middle + 1)"/>
    <xsl:choose>
      <xsl:when test="string-length($text) &gt; 200 and contains($second.half, $bundle.newline)">
        <xsl:call-template name="bundle.text.lines">
          <xsl:with-param name="text" select="concat(substring($text, 1, $middle), substring-before($second.half, $bundle.newline))"/>
        </xsl:call-template>
        <xsl:call-template name="bundle.text.lines">
          <xsl:with-param name="text" select="substring-after($second.half, $bundle.newline)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="contains($text, $bundle.newline)">
        <xsl:call-template name="bundle.text.line">
          <xsl:with-param name="line" select="substring-before($text, $bundle.newline)"/>
        </xsl:call-template>
        <xsl:call-template name="bundle.text.lines">
          <xsl:with-param name="text" select="substring-after($text, $bundle.newline)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="bundle.text.line">
          <xsl:with-param name="line" select="$text"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One line of a supplied text (a carriage return before the line break is dropped). -->
  <xsl:template name="bundle.text.line">
    <xsl:param name="line"/>
    <xsl:variable name="expanded">
      <xsl:call-template name="bundle.expand.tabs">
        <xsl:with-param name="line" select="translate($line, '&#13;', '')"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <!-- An empty line keeps its height. -->
      <xsl:when test="normalize-space($expanded) = ''">
        <fo:block>&#160;</fo:block>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="indent" select="substring-before($expanded, substring(normalize-space($expanded), 1, 1))"/>
        <fo:block start-indent="2em" text-indent="-2em">
          <xsl:value-of select="translate($indent, ' ', '&#160;')"/>
          <xsl:value-of select="substring($expanded, string-length($indent) + 1)"/>
        </fo:block>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One line: each tab becomes the spaces up to the next multiple of 8 columns. -->
  <xsl:template name="bundle.expand.tabs">
    <xsl:param name="line"/>
    <xsl:param name="column" select="0"/>
    <xsl:choose>
      <xsl:when test="contains($line, $bundle.tab)">
        <xsl:variable name="before" select="substring-before($line, $bundle.tab)"/>
        <xsl:variable name="at" select="$column + string-length($before)"/>
        <xsl:variable name="spaces" select="8 - ($at mod 8)"/>
        <xsl:value-of select="$before"/>
        <xsl:value-of select="substring('        ', 1, $spaces)"/>
        <xsl:call-template name="bundle.expand.tabs">
          <xsl:with-param name="line" select="substring-after($line, $bundle.tab)"/>
          <xsl:with-param name="column" select="$at + $spaces"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$line"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ==================================================================================== -->
  <!-- Blocks of the bundle's own pages                                                      -->
  <!-- ==================================================================================== -->

  <xsl:template match="b:content/b:heading" mode="bundle.block">
    <fo:block space-before="12pt" font-weight="bold" font-size="13pt"
              keep-with-next.within-page="always">
      <xsl:apply-templates mode="bundle.inline"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="b:content/b:para" mode="bundle.block">
    <fo:block space-before="6pt">
      <xsl:apply-templates mode="bundle.inline"/>
    </fo:block>
  </xsl:template>

  <!-- The charge, word for word, in a box. margin-left/right 0 keep the border and padding
       inside the body's width. -->
  <xsl:template match="b:content/b:charge" mode="bundle.block">
    <fo:block space-before="8pt" margin-left="0pt" margin-right="0pt" padding="3mm 4mm"
              border="1pt solid {$text.colour}" keep-together.within-page="always">
      <xsl:apply-templates mode="bundle.inline"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="b:content/b:list" mode="bundle.block">
    <fo:list-block space-before="6pt" provisional-distance-between-starts="6mm"
                   provisional-label-separation="2mm">
      <xsl:apply-templates select="b:item" mode="bundle.block"/>
    </fo:list-block>
  </xsl:template>

  <xsl:template match="b:list/b:item" mode="bundle.block">
    <fo:list-item space-before="3pt">
      <fo:list-item-label end-indent="label-end()">
        <fo:block>&#x2022;</fo:block>
      </fo:list-item-label>
      <fo:list-item-body start-indent="body-start()">
        <fo:block><xsl:apply-templates mode="bundle.inline"/></fo:block>
      </fo:list-item-body>
    </fo:list-item>
  </xsl:template>

  <!-- A ruled table: the header row (bold, shaded) repeats after every page break, a row is
       never split across pages. Column widths: each @width is a share of the table's width;
       columns without one share what is left equally. -->
  <xsl:template match="b:content/b:table" mode="bundle.block">
    <xsl:variable name="columns" select="b:columns/b:column"/>
    <xsl:variable name="given.total">
      <xsl:call-template name="bundle.sum.widths">
        <xsl:with-param name="columns" select="$columns[@width]"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="unsized" select="count($columns[not(@width)])"/>
    <xsl:variable name="share">
      <xsl:choose>
        <xsl:when test="$unsized = 0">0</xsl:when>
        <xsl:when test="(100 - $given.total) div $unsized &lt; 5">5</xsl:when>
        <xsl:otherwise><xsl:value-of select="(100 - $given.total) div $unsized"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="dense" select="count($columns) &gt; $bundle.table.dense.columns"/>
    <xsl:variable name="padding">
      <xsl:choose>
        <xsl:when test="$dense">1.5pt 1.5pt</xsl:when>
        <xsl:otherwise>2pt 4pt</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <fo:table table-layout="fixed" width="100%" space-before="6pt" border-collapse="collapse"
              font-size="{$bundle.table.font.size}" line-height="1.2"
              border="0.5pt solid {$bundle.rule.colour}">
      <xsl:if test="$dense">
        <xsl:attribute name="font-size"><xsl:value-of select="$bundle.table.dense.font.size"/></xsl:attribute>
      </xsl:if>
      <xsl:for-each select="$columns">
        <fo:table-column column-number="{position()}">
          <xsl:attribute name="column-width">
            <xsl:text>proportional-column-width(</xsl:text>
            <xsl:choose>
              <xsl:when test="@width"><xsl:value-of select="number(substring-before(@width, '%'))"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="$share"/></xsl:otherwise>
            </xsl:choose>
            <xsl:text>)</xsl:text>
          </xsl:attribute>
        </fo:table-column>
      </xsl:for-each>
      <fo:table-header>
        <fo:table-row keep-together.within-page="always" font-weight="bold"
                      background-color="{$bundle.table.header.background.colour}">
          <xsl:for-each select="$columns">
            <fo:table-cell padding="{$padding}" border="0.5pt solid {$bundle.rule.colour}"
                           display-align="after">
              <fo:block><xsl:value-of select="."/></fo:block>
            </fo:table-cell>
          </xsl:for-each>
        </fo:table-row>
      </fo:table-header>
      <fo:table-body>
        <xsl:apply-templates select="b:row" mode="bundle.block">
          <xsl:with-param name="padding" select="$padding"/>
        </xsl:apply-templates>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <!-- The sum of the columns' @width percentages. -->
  <xsl:template name="bundle.sum.widths">
    <xsl:param name="columns"/>
    <xsl:param name="total" select="0"/>
    <xsl:choose>
      <xsl:when test="$columns">
        <xsl:call-template name="bundle.sum.widths">
          <xsl:with-param name="columns" select="$columns[position() &gt; 1]"/>
          <xsl:with-param name="total" select="$total + number(substring-before($columns[1]/@width, '%'))"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$total"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="b:table/b:row" mode="bundle.block">
    <xsl:param name="padding">2pt 4pt</xsl:param>
    <fo:table-row keep-together.within-page="always">
      <xsl:for-each select="b:cell">
        <fo:table-cell padding="{$padding}" border="0.5pt solid {$bundle.rule.colour}">
          <fo:block><xsl:apply-templates mode="bundle.inline"/></fo:block>
        </fo:table-cell>
      </xsl:for-each>
    </fo:table-row>
  </xsl:template>

  <!-- ==================================================================================== -->
  <!-- Inline                                                                                -->
  <!-- ==================================================================================== -->

  <xsl:template match="b:em" mode="bundle.inline">
    <fo:inline font-style="italic"><xsl:apply-templates mode="bundle.inline"/></fo:inline>
  </xsl:template>

  <xsl:template match="b:strong" mode="bundle.inline">
    <fo:inline font-weight="bold"><xsl:apply-templates mode="bundle.inline"/></fo:inline>
  </xsl:template>

  <!-- The bundle page where the entry named by @to starts, as a link to it. -->
  <xsl:template match="b:ref" mode="bundle.inline">
    <fo:basic-link internal-destination="entry-{@to}" color="{$bundle.link.colour}">
      <fo:page-number-citation ref-id="entry-{@to}"/>
    </fo:basic-link>
  </xsl:template>

  <!-- ==================================================================================== -->
  <!-- Vocabulary guard (mode bundle.check): a whitelist mirroring schema/bundle.rng.         -->
  <!-- Produces no output. Extend it together with the rendering templates, never alone.      -->
  <!-- ==================================================================================== -->

  <!-- Containers: attributes and child elements are checked; text other than whitespace is
       not expected (it would be dropped). -->
  <xsl:template mode="bundle.check"
                match="/b:bundle
                     | b:bundle/b:meta
                     | b:bundle/b:front-sheet
                     | b:front-sheet/b:parties
                     | b:front-sheet/b:facts
                     | b:gaps/b:gap
                     | b:bundle/b:section
                     | b:entry/b:content
                     | b:content/b:list
                     | b:content/b:table
                     | b:table/b:columns
                     | b:typeset/b:witness-statement
                     | b:witness-statement/b:witness
                     | b:witness-statement/b:signature">
    <xsl:call-template name="bundle.check.no.text"/>
    <xsl:apply-templates select="@* | *" mode="bundle.check"/>
  </xsl:template>

  <!-- Gaps only on a draft's front sheet. -->
  <xsl:template mode="bundle.check" match="b:front-sheet/b:gaps">
    <xsl:if test="/b:bundle/@status != 'draft'">
      <xsl:message terminate="yes">
        <xsl:text>bundle-fo.xsl: gaps are only for a draft bundle (status="draft"), at </xsl:text>
        <xsl:call-template name="attendoc.path"/>
      </xsl:message>
    </xsl:if>
    <xsl:call-template name="bundle.check.no.text"/>
    <xsl:apply-templates select="@* | *" mode="bundle.check"/>
  </xsl:template>

  <!-- An entry: a unique id and exactly one child. -->
  <xsl:template mode="bundle.check" match="b:section/b:entry">
    <xsl:if test="count(key('bundle.entry', @id)) &gt; 1">
      <xsl:message terminate="yes">
        <xsl:text>bundle-fo.xsl: the entry id '</xsl:text>
        <xsl:value-of select="@id"/>
        <xsl:text>' is used more than once, at </xsl:text>
        <xsl:call-template name="attendoc.path"/>
      </xsl:message>
    </xsl:if>
    <xsl:if test="count(*) != 1">
      <xsl:message terminate="yes">
        <xsl:text>bundle-fo.xsl: an entry holds exactly one of content, typeset, supplied-pdf, supplied-image or supplied-text, but </xsl:text>
        <xsl:call-template name="attendoc.path"/>
        <xsl:text> has </xsl:text>
        <xsl:value-of select="count(*)"/>
      </xsl:message>
    </xsl:if>
    <xsl:call-template name="bundle.check.no.text"/>
    <xsl:apply-templates select="@* | *" mode="bundle.check"/>
  </xsl:template>

  <!-- Typeset: exactly one d:document (checked by fo.xsl's own guard) or witness statement. -->
  <xsl:template mode="bundle.check" match="b:entry/b:typeset">
    <xsl:if test="count(*) != 1">
      <xsl:message terminate="yes">
        <xsl:text>bundle-fo.xsl: typeset holds exactly one document or witness-statement, but </xsl:text>
        <xsl:call-template name="attendoc.path"/>
        <xsl:text> has </xsl:text>
        <xsl:value-of select="count(*)"/>
      </xsl:message>
    </xsl:if>
    <xsl:call-template name="bundle.check.no.text"/>
    <xsl:apply-templates select="@* | b:*" mode="bundle.check"/>
    <xsl:apply-templates select="d:document" mode="attendoc.check"/>
    <xsl:apply-templates select="*[not(self::b:*) and not(self::d:document)]" mode="bundle.check"/>
  </xsl:template>

  <!-- Text-only leaves: any child element is an error (it reaches the catch-all below). -->
  <xsl:template mode="bundle.check"
                match="b:meta/b:title
                     | b:meta/b:author
                     | b:meta/b:reference
                     | b:meta/b:date
                     | b:front-sheet/b:court
                     | b:parties/b:prosecutor
                     | b:parties/b:defendant
                     | b:parties/b:applicant
                     | b:parties/b:respondent
                     | b:front-sheet/b:offence
                     | b:front-sheet/b:application
                     | b:witness-statement/b:statement-of-truth
                     | b:gap/b:place
                     | b:gap/b:problem
                     | b:gap/b:to-do
                     | b:columns/b:column
                     | b:witness/b:name
                     | b:witness/b:age
                     | b:witness/b:occupation
                     | b:witness-statement/b:signature/b:name
                     | b:entry/b:supplied-text">
    <xsl:apply-templates select="@* | *" mode="bundle.check"/>
  </xsl:template>

  <!-- Empty elements. -->
  <xsl:template mode="bundle.check" match="b:entry/b:supplied-pdf | b:entry/b:supplied-image">
    <xsl:call-template name="bundle.check.no.text"/>
    <xsl:apply-templates select="@* | *" mode="bundle.check"/>
  </xsl:template>

  <!-- Inline containers of the bundle's own pages: text, em, strong, ref. -->
  <xsl:template mode="bundle.check"
                match="b:facts/b:fact
                     | b:content/b:heading
                     | b:content/b:para
                     | b:content/b:charge
                     | b:list/b:item
                     | b:row/b:cell">
    <xsl:apply-templates select="@* | *" mode="bundle.check"/>
  </xsl:template>

  <!-- Inline containers of a witness statement: text, em, strong, page-count. -->
  <xsl:template mode="bundle.check"
                match="b:witness-statement/b:declaration
                     | b:witness-statement/b:paragraph">
    <xsl:apply-templates select="@* | *" mode="bundle.check"/>
  </xsl:template>

  <!-- em and strong hold text only; ref and page-count are empty, each where it means
       something (ref: a bundle page number, unknown while a statement is typeset apart;
       page-count: the statement's own). -->
  <xsl:template mode="bundle.check"
                match="b:em[parent::b:fact or parent::b:heading or parent::b:para or parent::b:charge
                            or parent::b:item or parent::b:cell or parent::b:declaration or parent::b:paragraph]
                     | b:strong[parent::b:fact or parent::b:heading or parent::b:para or parent::b:charge
                                or parent::b:item or parent::b:cell or parent::b:declaration or parent::b:paragraph]
                     | b:page-count[parent::b:declaration or parent::b:paragraph]">
    <xsl:apply-templates select="@* | *" mode="bundle.check"/>
  </xsl:template>

  <xsl:template mode="bundle.check"
                match="b:ref[parent::b:fact or parent::b:heading or parent::b:para or parent::b:charge
                             or parent::b:item or parent::b:cell]">
    <xsl:if test="not(key('bundle.entry', @to))">
      <xsl:message terminate="yes">
        <xsl:text>bundle-fo.xsl: ref to="</xsl:text>
        <xsl:value-of select="@to"/>
        <xsl:text>" names no entry of the bundle, at </xsl:text>
        <xsl:call-template name="attendoc.path"/>
      </xsl:message>
    </xsl:if>
    <xsl:apply-templates select="@*[not(name() = 'to')] | *" mode="bundle.check"/>
  </xsl:template>

  <!-- A row must have exactly one cell per column, or cells would be lost or misaligned. -->
  <xsl:template mode="bundle.check" match="b:table/b:row">
    <xsl:if test="count(b:cell) != count(../b:columns/b:column)">
      <xsl:message terminate="yes">
        <xsl:text>bundle-fo.xsl: table row </xsl:text>
        <xsl:call-template name="attendoc.path"/>
        <xsl:text> has </xsl:text>
        <xsl:value-of select="count(b:cell)"/>
        <xsl:text> cells but the table has </xsl:text>
        <xsl:value-of select="count(../b:columns/b:column)"/>
        <xsl:text> columns</xsl:text>
      </xsl:message>
    </xsl:if>
    <xsl:call-template name="bundle.check.no.text"/>
    <xsl:apply-templates select="@* | *" mode="bundle.check"/>
  </xsl:template>

  <!-- A supplied PDF's page count decides how many placeholder pages there are. -->
  <xsl:template mode="bundle.check" match="b:supplied-pdf/@pages">
    <xsl:if test="string(number(.)) = 'NaN' or number(.) &lt; 1 or number(.) != floor(number(.))">
      <xsl:message terminate="yes">
        <xsl:text>bundle-fo.xsl: pages="</xsl:text>
        <xsl:value-of select="."/>
        <xsl:text>" is not a whole number of pages, on </xsl:text>
        <xsl:for-each select="..">
          <xsl:call-template name="attendoc.path"/>
        </xsl:for-each>
      </xsl:message>
    </xsl:if>
  </xsl:template>

  <!-- Known attributes, with their known values where the rendering depends on them. -->
  <xsl:template mode="bundle.check"
                match="b:bundle/@status[. = 'final' or . = 'draft']
                     | b:bundle/@xml:lang
                     | b:meta/b:date/@iso
                     | b:facts/b:fact/@label
                     | b:section/@id | b:section/@letter | b:section/@title
                     | b:entry/@id | b:entry/@title | b:entry/@exhibit
                     | b:entry/@date[../@date-text] | b:entry/@date-text[../@date]
                     | b:supplied-pdf/@src | b:supplied-image/@src
                     | b:column/@width[contains(., '%') and substring-after(., '%') = ''
                                       and string(number(substring-before(., '%'))) != 'NaN']"/>

  <!-- Text where only elements belong would be dropped silently: stop instead. -->
  <xsl:template name="bundle.check.no.text">
    <xsl:if test="text()[normalize-space()]">
      <xsl:message terminate="yes">
        <xsl:text>bundle-fo.xsl: unexpected text "</xsl:text>
        <xsl:value-of select="normalize-space(text()[normalize-space()][1])"/>
        <xsl:text>" in </xsl:text>
        <xsl:call-template name="attendoc.path"/>
      </xsl:message>
    </xsl:if>
  </xsl:template>

  <!-- Everything else: stop. -->
  <xsl:template mode="bundle.check" match="*">
    <xsl:message terminate="yes">
      <xsl:text>bundle-fo.xsl: unsupported element {</xsl:text>
      <xsl:value-of select="namespace-uri()"/>
      <xsl:text>}</xsl:text>
      <xsl:value-of select="local-name()"/>
      <xsl:text> at </xsl:text>
      <xsl:call-template name="attendoc.path"/>
    </xsl:message>
  </xsl:template>

  <xsl:template mode="bundle.check" match="@*">
    <xsl:message terminate="yes">
      <xsl:text>bundle-fo.xsl: unsupported attribute </xsl:text>
      <xsl:value-of select="name()"/>
      <xsl:text>="</xsl:text>
      <xsl:value-of select="."/>
      <xsl:text>" on </xsl:text>
      <xsl:for-each select="..">
        <xsl:call-template name="attendoc.path"/>
      </xsl:for-each>
    </xsl:message>
  </xsl:template>

  <!-- Second line of defence: an element reaching a rendering mode without a template there
       stops the transform too (instead of XSLT's built-in rule copying its text). -->
  <xsl:template match="*" mode="bundle.statement">
    <xsl:call-template name="bundle.unhandled"/>
  </xsl:template>
  <xsl:template match="*" mode="bundle.statement.inline">
    <xsl:call-template name="bundle.unhandled"/>
  </xsl:template>
  <xsl:template match="*" mode="bundle.front">
    <xsl:call-template name="bundle.unhandled"/>
  </xsl:template>
  <xsl:template match="*" mode="bundle.index">
    <xsl:call-template name="bundle.unhandled"/>
  </xsl:template>
  <xsl:template match="*" mode="bundle.section">
    <xsl:call-template name="bundle.unhandled"/>
  </xsl:template>
  <xsl:template match="*" mode="bundle.entry">
    <xsl:call-template name="bundle.unhandled"/>
  </xsl:template>
  <xsl:template match="*" mode="bundle.entry.body">
    <xsl:call-template name="bundle.unhandled"/>
  </xsl:template>
  <xsl:template match="*" mode="bundle.block">
    <xsl:call-template name="bundle.unhandled"/>
  </xsl:template>
  <xsl:template match="*" mode="bundle.inline">
    <xsl:call-template name="bundle.unhandled"/>
  </xsl:template>

  <xsl:template name="bundle.unhandled">
    <xsl:message terminate="yes">
      <xsl:text>bundle-fo.xsl: no rendering for element {</xsl:text>
      <xsl:value-of select="namespace-uri()"/>
      <xsl:text>}</xsl:text>
      <xsl:value-of select="local-name()"/>
      <xsl:text> at </xsl:text>
      <xsl:call-template name="attendoc.path"/>
    </xsl:message>
  </xsl:template>

</xsl:stylesheet>
