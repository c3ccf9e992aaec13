<?xml version="1.0" encoding="UTF-8"?>
<!--
  Attendoc: document vocabulary (urn:attendoc:document:1) to plain text.

  The result is meant for an email body or a plain-text case record:

    * every line is word-wrapped at $line.width characters (a single word longer than the line is
      left whole and may exceed it, as a URL or reference must not be broken);
    * paragraphs and other blocks are separated by exactly one blank line;
    * whitespace inside running text is normalised (the source is indented), but the spaces
      written between a word and an adjacent em/strong are kept, because the inline content is
      joined first and normalised afterwards;
    * em and strong print as plain text with no markers;
    * names and other text print exactly as written (no case changes), so the subject is
      underlined with '=' and headings with '-' instead of being upper-cased;
    * tables print as caption, header row, a rule of '-', rows, in columns as wide as their
      widest cell; right-aligned columns are padded on the left; a total row has a rule above
      it. Widths are measured with string-length(), which counts characters (so "á" is one
      column, as it is on screen). A table too wide for the line has its widest columns
      narrowed and their cells wrapped inside the column; only if the longest words alone do
      not fit does the table run past $line.width;
    * no line has trailing spaces, and the output ends with exactly one newline.

  A record (minutes, a contract, a register certificate) prints the issuing organisation compactly
  (name, department, the address on one line, contact details), the title underlined with '=',
  the facts as "Label: value" lines with the values aligned in one column (a wrapped value hangs
  under the start of the values), the body as in a letter, and for each signature line its
  label and name, then "Signed:" and "Date:" lines to write on.

  Any element the stylesheet does not know stops the transform (xsl:message terminate="yes"), so a
  change to the vocabulary can never silently drop text. Keep this file in step with
  schema/document.rng.

  XSLT 1.0 with EXSLT (exsl:node-set, str:tokenize), as run by libxslt. The output depends only on
  the input document and the parameters.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:d="urn:attendoc:document:1"
                xmlns:exsl="http://exslt.org/common"
                xmlns:str="http://exslt.org/strings"
                xmlns:t="urn:attendoc:stylesheet:text"
                exclude-result-prefixes="d exsl str t">

  <!-- The shared house-style parameters and labels, and the named templates all formats use
       (stylesheets/common; docs/house-style.md). Imported first, as XSLT requires. -->
  <xsl:import href="common/parameters.xsl"/>
  <xsl:import href="common/templates.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <!-- ====================================================================================== -->
  <!-- Layout parameters of this format (xsltproc: stringparam line.width 66, and so on). The   -->
  <!-- house style and the labels are set for every format in common/parameters.xsl.         -->
  <!-- ====================================================================================== -->

  <!-- Maximum characters per line. 72 suits email; a case-management system may want less. -->
  <xsl:param name="line.width" select="72"/>

  <!-- How many blank lines to leave between the closing and the signatory's name. -->
  <xsl:param name="signature.lines" select="3"/>

  <!-- Tables with more columns than this (a register certificate: the week, then ten sessions)
       wrap their column headings before any cell, when that makes them fit. -->
  <xsl:param name="table.dense.columns" select="6"/>

  <!-- Length of the lines to sign and to date on, in characters (at most the line width). -->
  <xsl:param name="signed.rule.length" select="32"/>
  <xsl:param name="signed.date.rule.length" select="16"/>

  <!-- ====================================================================================== -->
  <!-- Fixed layout values.                                                                    -->
  <!-- ====================================================================================== -->

  <xsl:variable name="width" select="number($line.width)"/>

  <!-- Bullet for list items; wrapped lines of an item hang under its first word. -->
  <xsl:variable name="bullet" select="'  - '"/>
  <xsl:variable name="bullet-indent" select="'    '"/>

  <!-- Spaces between table columns. -->
  <xsl:variable name="column-gap" select="'  '"/>

  <xsl:variable name="nl" select="'&#10;'"/>

  <!-- ====================================================================================== -->
  <!-- Guards: unknown elements and stray text stop the transform.                             -->
  <!-- ====================================================================================== -->

  <!-- Any element without a template of its own, in the default mode. -->
  <xsl:template match="*" priority="-10">
    <xsl:call-template name="unhandled"/>
  </xsl:template>

  <!-- Any element inside running text other than em and strong (including inside em/strong). -->
  <xsl:template match="*" mode="inline" priority="-10">
    <xsl:call-template name="unhandled"/>
  </xsl:template>

  <!-- Templates that pick out the children they know select the rest in this mode, which has
       no other template. -->
  <xsl:template match="*" mode="unexpected">
    <xsl:call-template name="unhandled"/>
  </xsl:template>

  <!-- Text directly inside a structural element (the schema allows none): stop rather than drop
       it. Whitespace (the source's indentation) is ignored. -->
  <xsl:template match="text()">
    <xsl:if test="normalize-space(.) != ''">
      <xsl:message terminate="yes">
        <xsl:text>text.xsl: unexpected text "</xsl:text>
        <xsl:value-of select="normalize-space(.)"/>
        <xsl:text>" directly inside </xsl:text>
        <xsl:for-each select="..">
          <xsl:call-template name="path"/>
        </xsl:for-each>
      </xsl:message>
    </xsl:if>
  </xsl:template>

  <!-- Reports the context element and stops. -->
  <xsl:template name="unhandled">
    <xsl:message terminate="yes">
      <xsl:text>text.xsl: no rule for element </xsl:text>
      <xsl:call-template name="element-name"/>
      <xsl:text> at </xsl:text>
      <xsl:call-template name="path"/>
      <xsl:text>; its text would be lost. Update stylesheets/text.xsl for the vocabulary change.</xsl:text>
    </xsl:message>
  </xsl:template>

  <!-- d:name for the Attendoc namespace, {uri}name for anything else. -->
  <xsl:template name="element-name">
    <xsl:choose>
      <xsl:when test="namespace-uri() = 'urn:attendoc:document:1'">
        <xsl:value-of select="concat('d:', local-name())"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat('{', namespace-uri(), '}', local-name())"/>
      </xsl:otherwise>
    </xsl:choose>
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
  <!-- Document and metadata.                                                                  -->
  <!-- ====================================================================================== -->

  <xsl:template match="/">
    <xsl:if test="not($width &gt;= 20)">
      <xsl:message terminate="yes">
        <xsl:text>text.xsl: line.width must be a number of at least 20, not "</xsl:text>
        <xsl:value-of select="$line.width"/>
        <xsl:text>"</xsl:text>
      </xsl:message>
    </xsl:if>
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="/d:document">
    <xsl:apply-templates/>
    <!-- The house style's name and footer wording (common/parameters.xsl), if it has them:
         the last block, after a blank line. -->
    <xsl:variable name="house.footer">
      <xsl:call-template name="house.footer.line"/>
    </xsl:variable>
    <xsl:if test="string($house.footer) != ''">
      <xsl:value-of select="$nl"/>
      <xsl:call-template name="emit-wrapped">
        <xsl:with-param name="text" select="string($house.footer)"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Metadata is for PDF/DOCX properties and the HTML title; plain text prints none of it, but
       each child is named here so that a new one is noticed. -->
  <xsl:template match="d:document/d:meta">
    <xsl:apply-templates/>
  </xsl:template>
  <xsl:template match="d:meta/d:title | d:meta/d:author | d:meta/d:reference | d:meta/d:date
                       | d:meta/d:audience | d:meta/d:print"/>

  <!-- ====================================================================================== -->
  <!-- The letter. Children come in the order the schema fixes, which is the printed order.    -->
  <!-- Every block after the first starts with the blank line that separates it from the last. -->
  <!-- ====================================================================================== -->

  <xsl:template match="d:document/d:letter">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- Sender (letterhead): organisation, department, address, contact details. First block. -->
  <xsl:template match="d:letter/d:sender">
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="d:sender/d:organisation | d:sender/d:department">
    <xsl:call-template name="field"/>
  </xsl:template>

  <xsl:template match="d:sender/d:phone | d:signature/d:phone">
    <xsl:call-template name="field">
      <xsl:with-param name="label" select="concat($label.phone, ': ')"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="d:sender/d:email | d:signature/d:email">
    <xsl:call-template name="field">
      <xsl:with-param name="label" select="concat($label.email, ': ')"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="d:sender/d:website">
    <xsl:call-template name="field">
      <xsl:with-param name="label" select="concat($label.website, ': ')"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Postal address, one line per element (sender and recipient). -->
  <xsl:template match="d:sender/d:address | d:recipient/d:address">
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="d:address/d:line | d:address/d:postcode">
    <xsl:call-template name="field"/>
  </xsl:template>

  <!-- Recipient: name and address. -->
  <xsl:template match="d:letter/d:recipient">
    <xsl:value-of select="$nl"/>
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="d:recipient/d:name">
    <xsl:call-template name="field"/>
  </xsl:template>

  <!-- Date of the letter (the words; @iso is for machines). -->
  <xsl:template match="d:letter/d:date">
    <xsl:value-of select="$nl"/>
    <xsl:call-template name="field"/>
  </xsl:template>

  <!-- Reference lines, "Label: value", one block for the whole run. A wrapped value hangs under
       the start of the value, unless the label is so long that this would waste the line. -->
  <xsl:template match="d:letter/d:reference">
    <xsl:if test="not(preceding-sibling::*[1][self::d:reference])">
      <xsl:value-of select="$nl"/>
    </xsl:if>
    <xsl:variable name="label" select="concat(normalize-space(@label), ': ')"/>
    <xsl:variable name="text">
      <xsl:call-template name="inline-text"/>
    </xsl:variable>
    <xsl:call-template name="emit-wrapped">
      <xsl:with-param name="text" select="concat($label, $text)"/>
      <xsl:with-param name="indent">
        <xsl:call-template name="repeat">
          <xsl:with-param name="s" select="' '"/>
          <xsl:with-param name="n">
            <xsl:choose>
              <xsl:when test="string-length($label) &lt;= $width div 3">
                <xsl:value-of select="string-length($label)"/>
              </xsl:when>
              <xsl:otherwise>2</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Salutation, exactly as written (the template supplies any punctuation). -->
  <xsl:template match="d:letter/d:salutation | d:letter/d:closing">
    <xsl:value-of select="$nl"/>
    <xsl:call-template name="field">
      <xsl:with-param name="indent" select="''"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Subject: the letter's title, underlined with '='. -->
  <xsl:template match="d:letter/d:subject">
    <xsl:call-template name="underlined">
      <xsl:with-param name="rule" select="'='"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ====================================================================================== -->
  <!-- The record: sender, title, facts, body, signatures, in the order the schema fixes.      -->
  <!-- ====================================================================================== -->

  <xsl:template match="d:document/d:record">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- The issuing organisation, compact: name, department, the postal address on one line,
       then the contact details (templates shared with the letterhead). First block. -->
  <xsl:template match="d:record/d:sender">
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="d:record/d:sender/d:address" priority="1">
    <xsl:apply-templates mode="unexpected" select="*[not(self::d:line or self::d:postcode)]"/>
    <xsl:variable name="text">
      <xsl:for-each select="d:line | d:postcode">
        <xsl:call-template name="inline-text"/>
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
    </xsl:variable>
    <xsl:call-template name="emit-wrapped">
      <xsl:with-param name="text" select="normalize-space($text)"/>
      <xsl:with-param name="indent" select="'  '"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Title: the record's heading, underlined with '='. Text only (no em or strong). -->
  <xsl:template match="d:record/d:title">
    <xsl:apply-templates mode="unexpected" select="*"/>
    <xsl:call-template name="underlined">
      <xsl:with-param name="rule" select="'='"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Facts: one block of "Label: value" lines. The values start in one column, just after the
       longest label that is no longer than a third of the line; a wrapped value hangs under
       that column. A longer label is printed as it is, its value straight after it. -->
  <xsl:template match="d:record/d:facts">
    <xsl:apply-templates mode="unexpected" select="*[not(self::d:fact)]"/>
    <xsl:variable name="column">
      <xsl:call-template name="maximum">
        <xsl:with-param name="nodes"
                        select="d:fact/@label[string-length(normalize-space(.)) + 2 &lt;= $width div 3]"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="value-column">
      <xsl:choose>
        <xsl:when test="$column &gt; 0"><xsl:value-of select="$column + 2"/></xsl:when>
        <xsl:otherwise>2</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="indent">
      <xsl:call-template name="repeat">
        <xsl:with-param name="s" select="' '"/>
        <xsl:with-param name="n" select="$value-column"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:value-of select="$nl"/>
    <xsl:for-each select="d:fact">
      <xsl:variable name="label" select="concat(normalize-space(@label), ': ')"/>
      <xsl:variable name="prefix">
        <xsl:choose>
          <xsl:when test="string-length($label) &lt; $value-column">
            <xsl:call-template name="pad">
              <xsl:with-param name="s" select="$label"/>
              <xsl:with-param name="width" select="$value-column"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="$label"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="text">
        <xsl:call-template name="inline-text"/>
      </xsl:variable>
      <xsl:choose>
        <xsl:when test="string($text) = ''">
          <xsl:value-of select="concat(normalize-space(@label), ':', $nl)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="emit-wrapped">
            <xsl:with-param name="text" select="$text"/>
            <xsl:with-param name="prefix" select="$prefix"/>
            <xsl:with-param name="indent" select="$indent"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- Signatures: per line a block of "Label: name" (or the label alone), then "Signed:" and
       "Date:" with a rule of '_' to write on, the rules starting in one column. -->
  <xsl:template match="d:record/d:signatures">
    <xsl:apply-templates mode="unexpected"
                         select="*[not(self::d:signature-line)] | d:signature-line/*[not(self::d:name)]
                                 | d:signature-line/d:name/*"/>
    <xsl:variable name="signed" select="concat(normalize-space($label.signed), ' ')"/>
    <xsl:variable name="dated" select="concat(normalize-space($label.signed.date), ' ')"/>
    <xsl:variable name="label-width">
      <xsl:choose>
        <xsl:when test="string-length($signed) &gt; string-length($dated)">
          <xsl:value-of select="string-length($signed)"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="string-length($dated)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:for-each select="d:signature-line">
      <xsl:value-of select="$nl"/>
      <xsl:variable name="name">
        <xsl:for-each select="d:name">
          <xsl:call-template name="inline-text"/>
        </xsl:for-each>
      </xsl:variable>
      <xsl:call-template name="emit-wrapped">
        <xsl:with-param name="text">
          <xsl:value-of select="normalize-space(@label)"/>
          <xsl:if test="string($name) != ''">
            <xsl:value-of select="concat(': ', $name)"/>
          </xsl:if>
        </xsl:with-param>
        <xsl:with-param name="indent" select="'  '"/>
      </xsl:call-template>
      <xsl:call-template name="write-on-line">
        <xsl:with-param name="label" select="$signed"/>
        <xsl:with-param name="label-width" select="$label-width"/>
        <xsl:with-param name="length" select="$signed.rule.length"/>
      </xsl:call-template>
      <xsl:call-template name="write-on-line">
        <xsl:with-param name="label" select="$dated"/>
        <xsl:with-param name="label-width" select="$label-width"/>
        <xsl:with-param name="length" select="$signed.date.rule.length"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- "Signed: ________": the label padded to $label-width, then $length underscores, cut to
       fit the line. -->
  <xsl:template name="write-on-line">
    <xsl:param name="label"/>
    <xsl:param name="label-width"/>
    <xsl:param name="length"/>
    <xsl:call-template name="pad">
      <xsl:with-param name="s" select="$label"/>
      <xsl:with-param name="width" select="$label-width"/>
    </xsl:call-template>
    <xsl:call-template name="repeat">
      <xsl:with-param name="s" select="'_'"/>
      <xsl:with-param name="n">
        <xsl:choose>
          <xsl:when test="$length &gt; $width - $label-width">
            <xsl:value-of select="$width - $label-width"/>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="$length"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- ====================================================================================== -->
  <!-- Body blocks.                                                                            -->
  <!-- ====================================================================================== -->

  <xsl:template match="d:letter/d:body | d:record/d:body">
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="d:body/d:heading">
    <xsl:call-template name="underlined">
      <xsl:with-param name="rule" select="'-'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="d:body/d:para">
    <xsl:variable name="text">
      <xsl:call-template name="inline-text"/>
    </xsl:variable>
    <xsl:if test="string($text) != ''">
      <xsl:value-of select="$nl"/>
      <xsl:call-template name="emit-wrapped">
        <xsl:with-param name="text" select="$text"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Lists: one block, items on consecutive lines, "  - " with a hanging indent. -->
  <xsl:template match="d:body/d:list">
    <xsl:value-of select="$nl"/>
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="d:list/d:item | d:enclosures/d:item | d:copies/d:item">
    <xsl:variable name="text">
      <xsl:call-template name="inline-text"/>
    </xsl:variable>
    <xsl:call-template name="emit-wrapped">
      <xsl:with-param name="text" select="$text"/>
      <xsl:with-param name="prefix" select="$bullet"/>
      <xsl:with-param name="indent" select="$bullet-indent"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ====================================================================================== -->
  <!-- After the body: closing (above, with the salutation), signature, enclosures, copies.    -->
  <!-- ====================================================================================== -->

  <!-- Room to sign, then the signatory. -->
  <xsl:template match="d:letter/d:signature">
    <xsl:call-template name="repeat">
      <xsl:with-param name="s" select="$nl"/>
      <xsl:with-param name="n" select="$signature.lines"/>
    </xsl:call-template>
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="d:signature/d:name | d:signature/d:role | d:signature/d:organisation">
    <xsl:call-template name="field"/>
  </xsl:template>

  <xsl:template match="d:letter/d:enclosures">
    <xsl:call-template name="labelled-list">
      <xsl:with-param name="label" select="concat($label.enclosures, ':')"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="d:letter/d:copies">
    <xsl:call-template name="labelled-list">
      <xsl:with-param name="label" select="concat($label.copies, ':')"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="labelled-list">
    <xsl:param name="label"/>
    <xsl:value-of select="$nl"/>
    <xsl:call-template name="emit-wrapped">
      <xsl:with-param name="text" select="normalize-space($label)"/>
    </xsl:call-template>
    <xsl:apply-templates/>
  </xsl:template>

  <!-- ====================================================================================== -->
  <!-- Tables: caption, header row, a rule of '-', rows. Columns are as wide as their widest   -->
  <!-- cell. If that does not fit the line, the widest columns are narrowed (never below their -->
  <!-- longest word) and their cells wrap within the column. A dense table (more than          -->
  <!-- $table.dense.columns columns, such as a register's sessions) first tries wrapping only  -->
  <!-- its column headings: a heading wraps once, a cell would wrap on every row.              -->
  <!-- A total row gets a rule above.                                                          -->
  <!-- ====================================================================================== -->

  <xsl:template match="d:body/d:table">
    <xsl:variable name="table" select="."/>
    <xsl:variable name="columns" select="d:columns/d:column"/>
    <xsl:variable name="n" select="count($columns)"/>

    <!-- Anything in the table other than caption, columns/column and row/cell stops here. -->
    <xsl:apply-templates mode="table-check"
                         select="*[not(self::d:caption or self::d:columns or self::d:row)]
                                 | d:columns/*[not(self::d:column)] | d:row/*[not(self::d:cell)]"/>
    <xsl:if test="d:row[count(d:cell) &gt; $n]">
      <xsl:message terminate="yes">
        <xsl:text>text.xsl: a row has more cells than the table has columns at </xsl:text>
        <xsl:for-each select="d:row[count(d:cell) &gt; $n][1]">
          <xsl:call-template name="path"/>
        </xsl:for-each>
      </xsl:message>
    </xsl:if>

    <!-- The table as normalised strings; short rows are padded with empty cells. -->
    <xsl:variable name="grid-rtf">
      <t:row kind="head">
        <xsl:for-each select="$columns">
          <t:cell>
            <xsl:call-template name="inline-text"/>
          </t:cell>
        </xsl:for-each>
      </t:row>
      <xsl:for-each select="d:row">
        <xsl:variable name="row" select="."/>
        <t:row kind="{normalize-space(concat('body ', @role))}">
          <xsl:for-each select="$columns">
            <xsl:variable name="i" select="position()"/>
            <t:cell>
              <xsl:for-each select="$row/d:cell[$i]">
                <xsl:call-template name="inline-text"/>
              </xsl:for-each>
            </t:cell>
          </xsl:for-each>
        </t:row>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="grid" select="exsl:node-set($grid-rtf)/t:row"/>

    <!-- Per column: natural width (widest cell), minimum width (longest word), soft minimum
         (the widest body cell, or the heading's longest word if that is wider), alignment. -->
    <xsl:variable name="measure-rtf">
      <xsl:for-each select="$columns">
        <xsl:variable name="i" select="position()"/>
        <xsl:variable name="words-rtf">
          <xsl:for-each select="$grid/t:cell[$i]">
            <xsl:for-each select="str:tokenize(string(.), ' ')">
              <t:w><xsl:value-of select="string-length(.)"/></t:w>
            </xsl:for-each>
          </xsl:for-each>
        </xsl:variable>
        <t:col>
          <xsl:attribute name="align">
            <xsl:choose>
              <xsl:when test="@align = 'right'">right</xsl:when>
              <xsl:otherwise>left</xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:attribute name="natural">
            <xsl:call-template name="maximum">
              <xsl:with-param name="nodes" select="$grid/t:cell[$i]"/>
            </xsl:call-template>
          </xsl:attribute>
          <!-- A word wider than the whole line is broken at the line's width (wrap-lines). -->
          <xsl:variable name="longest-word">
            <xsl:call-template name="maximum">
              <xsl:with-param name="nodes" select="exsl:node-set($words-rtf)/t:w"/>
              <xsl:with-param name="of-values" select="true()"/>
            </xsl:call-template>
          </xsl:variable>
          <xsl:attribute name="min">
            <xsl:choose>
              <xsl:when test="number($longest-word) &gt; $width"><xsl:value-of select="$width"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="$longest-word"/></xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:variable name="body-width">
            <xsl:call-template name="maximum">
              <xsl:with-param name="nodes" select="$grid[position() &gt; 1]/t:cell[$i]"/>
            </xsl:call-template>
          </xsl:variable>
          <xsl:variable name="heading-word">
            <xsl:call-template name="maximum">
              <xsl:with-param name="nodes" select="str:tokenize(string($grid[1]/t:cell[$i]), ' ')"/>
            </xsl:call-template>
          </xsl:variable>
          <xsl:attribute name="soft">
            <xsl:choose>
              <xsl:when test="number($body-width) &gt; number($heading-word)">
                <xsl:value-of select="$body-width"/>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="$heading-word"/></xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
        </t:col>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="measured" select="exsl:node-set($measure-rtf)/t:col"/>

    <!-- Room for the columns once the gaps are taken out. -->
    <xsl:variable name="available" select="$width - ($n - 1) * string-length($column-gap)"/>

    <!-- A dense table for which wrapping the headings is enough: the floor of each column is
         its soft minimum (the same columns with min set to soft). -->
    <xsl:variable name="soft-fits"
                  select="$n &gt; $table.dense.columns
                          and sum($measured/@natural) &gt; $available
                          and sum($measured/@soft) &lt;= $available"/>
    <xsl:variable name="soft-rtf">
      <xsl:for-each select="$measured">
        <t:col align="{@align}" natural="{@natural}" min="{@soft}"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="measure"
                  select="$measured[not($soft-fits)] | exsl:node-set($soft-rtf)/t:col[$soft-fits]"/>

    <!-- Cap on column width: none needed if the natural widths fit. -->
    <xsl:variable name="cap">
      <xsl:choose>
        <xsl:when test="sum($measure/@natural) &lt;= $available">
          <xsl:value-of select="sum($measure/@natural)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="find-cap">
            <xsl:with-param name="cols" select="$measure"/>
            <xsl:with-param name="available" select="$available"/>
            <xsl:with-param name="low" select="0"/>
            <xsl:with-param name="high" select="sum($measure/@natural)"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>

    <!-- Final widths: natural, capped, but never narrower than the floor (the longest word,
         or the soft minimum when wrapping the headings is enough). -->
    <xsl:variable name="layout-rtf">
      <xsl:for-each select="$measure">
        <t:col align="{@align}">
          <xsl:attribute name="width">
            <xsl:choose>
              <xsl:when test="@natural &lt;= $cap"><xsl:value-of select="@natural"/></xsl:when>
              <xsl:when test="@min &gt;= $cap"><xsl:value-of select="@min"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="$cap"/></xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
        </t:col>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="layout" select="exsl:node-set($layout-rtf)/t:col"/>

    <!-- Print: caption, header, rule, rows. -->
    <xsl:value-of select="$nl"/>
    <xsl:for-each select="d:caption">
      <xsl:call-template name="field">
        <xsl:with-param name="indent" select="''"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="$grid">
      <xsl:if test="@kind = 'body total' and position() &gt; 2">
        <xsl:call-template name="table-rule">
          <xsl:with-param name="layout" select="$layout"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="table-row">
        <xsl:with-param name="layout" select="$layout"/>
      </xsl:call-template>
      <xsl:if test="@kind = 'head'">
        <xsl:call-template name="table-rule">
          <xsl:with-param name="layout" select="$layout"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="*" mode="table-check">
    <xsl:call-template name="unhandled"/>
  </xsl:template>

  <!-- The table's caption, column headings and cells are read by the table template. -->
  <xsl:template match="d:table/d:caption | d:table/d:columns | d:columns/d:column | d:table/d:row
                       | d:row/d:cell" mode="table-check"/>

  <!-- One row of the grid ($grid t:row as context): each cell wrapped to its column width, then
       printed line by line, each cell padded to its width (on the left for right alignment). -->
  <xsl:template name="table-row">
    <xsl:param name="layout"/>
    <xsl:variable name="cells-rtf">
      <xsl:for-each select="t:cell">
        <xsl:variable name="i" select="position()"/>
        <t:cell>
          <xsl:call-template name="wrap-lines">
            <xsl:with-param name="text" select="string(.)"/>
            <xsl:with-param name="width" select="$layout[$i]/@width"/>
          </xsl:call-template>
        </t:cell>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="cells" select="exsl:node-set($cells-rtf)/t:cell"/>
    <!-- The lines of the tallest cell drive the loop over physical lines. -->
    <xsl:for-each select="$cells">
      <xsl:sort select="count(t:line)" data-type="number" order="descending"/>
      <xsl:if test="position() = 1">
        <xsl:for-each select="t:line">
          <xsl:variable name="k" select="position()"/>
          <xsl:variable name="line">
            <xsl:for-each select="$cells">
              <xsl:variable name="i" select="position()"/>
              <xsl:if test="$i &gt; 1">
                <xsl:value-of select="$column-gap"/>
              </xsl:if>
              <xsl:call-template name="pad">
                <xsl:with-param name="s" select="string(t:line[$k])"/>
                <xsl:with-param name="width" select="$layout[$i]/@width"/>
                <xsl:with-param name="align" select="$layout[$i]/@align"/>
              </xsl:call-template>
            </xsl:for-each>
          </xsl:variable>
          <xsl:call-template name="rtrim">
            <xsl:with-param name="s" select="string($line)"/>
          </xsl:call-template>
          <xsl:value-of select="$nl"/>
        </xsl:for-each>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- A rule of '-' under each column, with the column gaps between. -->
  <xsl:template name="table-rule">
    <xsl:param name="layout"/>
    <xsl:for-each select="$layout">
      <xsl:if test="position() &gt; 1">
        <xsl:value-of select="$column-gap"/>
      </xsl:if>
      <xsl:call-template name="repeat">
        <xsl:with-param name="s" select="'-'"/>
        <xsl:with-param name="n" select="@width"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- Largest column cap C for which sum(max(min, min(natural, C))) fits $available, by binary
       search (the sum grows with C). $low fits or is 0; $high does not fit. If even the
       minimum widths do not fit, the answer is 0 and the table is wider than the line. -->
  <xsl:template name="find-cap">
    <xsl:param name="cols"/>
    <xsl:param name="available"/>
    <xsl:param name="low"/>
    <xsl:param name="high"/>
    <xsl:choose>
      <xsl:when test="$high - $low &lt;= 1">
        <xsl:value-of select="$low"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="mid" select="floor(($low + $high) div 2)"/>
        <xsl:variable name="total"
                      select="sum($cols[@natural &lt;= $mid]/@natural)
                              + sum($cols[@natural &gt; $mid and @min &gt;= $mid]/@min)
                              + $mid * count($cols[@natural &gt; $mid and @min &lt; $mid])"/>
        <xsl:choose>
          <xsl:when test="$total &lt;= $available">
            <xsl:call-template name="find-cap">
              <xsl:with-param name="cols" select="$cols"/>
              <xsl:with-param name="available" select="$available"/>
              <xsl:with-param name="low" select="$mid"/>
              <xsl:with-param name="high" select="$high"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="find-cap">
              <xsl:with-param name="cols" select="$cols"/>
              <xsl:with-param name="available" select="$available"/>
              <xsl:with-param name="low" select="$low"/>
              <xsl:with-param name="high" select="$mid"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Largest string-length() among $nodes (or largest number, with of-values); 0 if none. -->
  <xsl:template name="maximum">
    <xsl:param name="nodes"/>
    <xsl:param name="of-values" select="false()"/>
    <xsl:choose>
      <xsl:when test="not($nodes)">0</xsl:when>
      <xsl:when test="$of-values">
        <xsl:for-each select="$nodes">
          <xsl:sort select="number(.)" data-type="number" order="descending"/>
          <xsl:if test="position() = 1"><xsl:value-of select="number(.)"/></xsl:if>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="$nodes">
          <xsl:sort select="string-length(.)" data-type="number" order="descending"/>
          <xsl:if test="position() = 1"><xsl:value-of select="string-length(.)"/></xsl:if>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ====================================================================================== -->
  <!-- Running text.                                                                           -->
  <!-- ====================================================================================== -->

  <!-- The context element's inline content as one normalised string. The text of em and strong
       is joined with its neighbours first, so "a <em>b</em>." gives "a b." and never "ab." or
       "a b ." -->
  <xsl:template name="inline-text">
    <xsl:variable name="raw">
      <xsl:apply-templates mode="inline"/>
    </xsl:variable>
    <xsl:value-of select="normalize-space($raw)"/>
  </xsl:template>

  <xsl:template match="text()" mode="inline">
    <xsl:value-of select="."/>
  </xsl:template>

  <!-- Emphasis has no plain-text form: print the words. The schema gives em and strong text
       only; anything else in them (nesting included) is reported. -->
  <xsl:template match="d:em | d:strong" mode="inline">
    <xsl:apply-templates mode="unexpected" select="*"/>
    <xsl:apply-templates mode="inline" select="text()"/>
  </xsl:template>

  <!-- A one-line field (name, address line, contact detail), with an optional label. Should it
       ever be longer than a line, it wraps with a small hanging indent. -->
  <xsl:template name="field">
    <xsl:param name="label" select="''"/>
    <xsl:param name="indent" select="'  '"/>
    <xsl:variable name="text">
      <xsl:call-template name="inline-text"/>
    </xsl:variable>
    <xsl:call-template name="emit-wrapped">
      <xsl:with-param name="text" select="concat($label, $text)"/>
      <xsl:with-param name="indent" select="$indent"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Subject and headings: the wrapped text, then a rule as long as its longest line. -->
  <xsl:template name="underlined">
    <xsl:param name="rule"/>
    <xsl:variable name="text">
      <xsl:call-template name="inline-text"/>
    </xsl:variable>
    <xsl:if test="string($text) != ''">
      <xsl:variable name="lines-rtf">
        <xsl:call-template name="wrap-lines">
          <xsl:with-param name="text" select="string($text)"/>
          <xsl:with-param name="width" select="$width"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:variable name="lines" select="exsl:node-set($lines-rtf)/t:line"/>
      <xsl:value-of select="$nl"/>
      <xsl:for-each select="$lines">
        <xsl:value-of select="concat(., $nl)"/>
      </xsl:for-each>
      <xsl:call-template name="repeat">
        <xsl:with-param name="s" select="$rule"/>
        <xsl:with-param name="n">
          <xsl:call-template name="maximum">
            <xsl:with-param name="nodes" select="$lines"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:value-of select="$nl"/>
    </xsl:if>
  </xsl:template>

  <!-- Prints normalised $text wrapped to $width: the first line after $prefix, the rest after
       $indent. Each line ends with a newline; nothing is printed for empty text. -->
  <xsl:template name="emit-wrapped">
    <xsl:param name="text"/>
    <xsl:param name="prefix" select="''"/>
    <xsl:param name="indent" select="''"/>
    <xsl:variable name="lines-rtf">
      <xsl:call-template name="wrap-lines">
        <xsl:with-param name="text" select="string($text)"/>
        <xsl:with-param name="width" select="$width - string-length($prefix)"/>
        <xsl:with-param name="rest-width" select="$width - string-length($indent)"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:for-each select="exsl:node-set($lines-rtf)/t:line">
      <xsl:choose>
        <xsl:when test="position() = 1">
          <xsl:value-of select="$prefix"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="$indent"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:value-of select="concat(., $nl)"/>
    </xsl:for-each>
  </xsl:template>

  <!-- Splits normalised $text (single spaces, no leading or trailing space) into t:line elements
       of at most $width characters (later lines $rest-width), breaking at spaces. A word longer
       than the width (a long URL) is broken at the width, so no line is ever longer than it.
       One recursion per line, and every value a number or a string (no result tree fragments,
       which cost a small document each): this runs for every line of every document. -->
  <xsl:template name="wrap-lines">
    <xsl:param name="text"/>
    <xsl:param name="width"/>
    <xsl:param name="rest-width" select="$width"/>
    <!-- At least one character a line. -->
    <xsl:variable name="w" select="$width * number($width &gt;= 1) + number($width &lt; 1)"/>
    <xsl:choose>
      <xsl:when test="$text = ''"/>
      <xsl:when test="string-length($text) &lt;= $w">
        <t:line><xsl:value-of select="$text"/></t:line>
      </xsl:when>
      <xsl:otherwise>
        <!-- Look at one character more than fits: the line breaks at its last space. That is
             its last character if it is a space, else the space before its last word (the last
             token str:tokenize gives); 0 if it has no space. -->
        <xsl:variable name="chunk" select="substring($text, 1, $w + 1)"/>
        <xsl:variable name="chunk-length" select="string-length($chunk)"/>
        <xsl:variable name="last-space"
                      select="$chunk-length - string-length(str:tokenize($chunk, ' ')[last()])
                              * number(substring($chunk, $chunk-length) != ' ')"/>
        <!-- What comes before that space, unless nothing does: then a word too long for the
             line, broken at the width. -->
        <xsl:variable name="line-length"
                      select="($last-space - 1) * number($last-space &gt; 1) + $w * number($last-space &lt;= 1)"/>
        <t:line><xsl:value-of select="substring($text, 1, $line-length)"/></t:line>
        <!-- After a break at a space, skip the space; after a word broken at the width, nothing. -->
        <xsl:call-template name="wrap-lines">
          <xsl:with-param name="text"
                          select="substring($text, $line-length + 1 + number(substring($text, $line-length + 1, 1) = ' '))"/>
          <xsl:with-param name="width" select="$rest-width"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ====================================================================================== -->
  <!-- String utilities.                                                                       -->
  <!-- ====================================================================================== -->

  <!-- $s repeated $n times (recursion depth log2 n). -->
  <xsl:template name="repeat">
    <xsl:param name="s"/>
    <xsl:param name="n"/>
    <xsl:if test="$n &gt;= 1">
      <xsl:call-template name="repeat">
        <xsl:with-param name="s" select="concat($s, $s)"/>
        <xsl:with-param name="n" select="floor($n div 2)"/>
      </xsl:call-template>
      <xsl:if test="$n mod 2 = 1">
        <xsl:value-of select="$s"/>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- $s padded with spaces to $width: on the left if $align is 'right', else on the right. -->
  <xsl:template name="pad">
    <xsl:param name="s"/>
    <xsl:param name="width"/>
    <xsl:param name="align" select="'left'"/>
    <xsl:variable name="spaces">
      <xsl:call-template name="repeat">
        <xsl:with-param name="s" select="' '"/>
        <xsl:with-param name="n" select="$width - string-length($s)"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$align = 'right'">
        <xsl:value-of select="concat($spaces, $s)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat($s, $spaces)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- $s without trailing spaces. -->
  <xsl:template name="rtrim">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="substring($s, string-length($s)) = ' '">
        <xsl:call-template name="rtrim">
          <xsl:with-param name="s" select="substring($s, 1, string-length($s) - 1)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$s"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
