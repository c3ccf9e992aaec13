<?xml version="1.0" encoding="UTF-8"?>
<!--
  Attendoc: a table with chart="bars" drawn as a horizontal bar chart (schema/document.rng), one SVG
  that html.xsl puts in the page and fo.xsl puts in the PDF (fo:instream-foreign-object, drawn by
  FOP's SVG support), so the two show the same figure. The table itself is printed as well, in every
  format: the chart is for those who would rather look than read, the table for everyone else.

  Each row is one bar: its first cell labels it, its last cell (a whole number) is its length, scaled
  so the longest bar is $chart.bar.width units; the count is printed after the bar. Rows marked
  role="total" are not drawn. Geometry is in SVG user units; $width and $height give the size on the
  page in the caller's units.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:d="urn:attendoc:document:1"
                xmlns="http://www.w3.org/2000/svg"
                exclude-result-prefixes="d">

  <!-- The chart's layout, in user units: a row's height, the label column, the longest bar. -->
  <xsl:variable name="chart.row.height" select="24"/>
  <xsl:variable name="chart.label.width" select="290"/>
  <xsl:variable name="chart.bar.width" select="230"/>
  <xsl:variable name="chart.width" select="$chart.label.width + $chart.bar.width + 40"/>

  <!-- The user-unit height of the chart of the current table. -->
  <xsl:template name="chart.height">
    <xsl:value-of select="count(d:row[not(@role = 'total')]) * $chart.row.height + 8"/>
  </xsl:template>

  <!-- The chart of the current table (a d:table with chart="bars"). -->
  <xsl:template name="chart.bars">
    <xsl:param name="colour"/>
    <xsl:param name="text.colour" select="'#0b0c0c'"/>
    <!-- The PDF must name a font FOP embeds (PDF/A): fo.xsl passes its own. -->
    <xsl:param name="font" select="'sans-serif'"/>
    <xsl:param name="width" select="$chart.width"/>
    <xsl:param name="height">
      <xsl:call-template name="chart.height"/>
    </xsl:param>
    <xsl:variable name="rows" select="d:row[not(@role = 'total')]"/>
    <xsl:variable name="units">
      <xsl:call-template name="chart.height"/>
    </xsl:variable>
    <xsl:variable name="largest">
      <xsl:for-each select="$rows">
        <xsl:sort select="number(d:cell[last()])" data-type="number" order="descending"/>
        <xsl:if test="position() = 1"><xsl:value-of select="number(d:cell[last()])"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="scale">
      <xsl:choose>
        <xsl:when test="number($largest) &gt; 0"><xsl:value-of select="$chart.bar.width div number($largest)"/></xsl:when>
        <xsl:otherwise>0</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <svg width="{$width}" height="{$height}" viewBox="0 0 {$chart.width} {$units}" role="img"
         aria-label="Bar chart: {normalize-space(d:caption)} (the same figures are in the table)">
      <title><xsl:value-of select="normalize-space(d:caption)"/></title>
      <xsl:for-each select="$rows">
        <xsl:variable name="top" select="(position() - 1) * $chart.row.height + 4"/>
        <xsl:variable name="value" select="number(d:cell[last()])"/>
        <xsl:variable name="length" select="format-number($value * $scale, '0.##')"/>
        <text x="0" y="{$top + 16}" font-family="{$font}" font-size="12" fill="{$text.colour}">
          <xsl:value-of select="normalize-space(d:cell[1])"/>
        </text>
        <rect x="{$chart.label.width}" y="{$top + 3}" width="{$length}" height="16" fill="{$colour}"/>
        <text x="{$chart.label.width + $length + 6}" y="{$top + 16}" font-family="{$font}" font-size="12"
              fill="{$text.colour}">
          <xsl:value-of select="$value"/>
        </text>
      </xsl:for-each>
    </svg>
  </xsl:template>
</xsl:stylesheet>
