<?xml version="1.0" encoding="UTF-8"?>
<!--
  Attendoc: named templates the output formats share (imported by html.xsl, text.xsl, docx.xsl
  and fo.xsl together with parameters.xsl). Each returns text only, so that every format wraps it
  in its own markup: a <p>, a w:r, an fo:block, a line of plain text.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:d="urn:attendoc:document:1"
                exclude-result-prefixes="d">

  <!-- A house value, or the format's default when the house style leaves it empty. -->
  <xsl:template name="house.value">
    <xsl:param name="value"/>
    <xsl:param name="default"/>
    <xsl:choose>
      <xsl:when test="string($value) != ''"><xsl:value-of select="$value"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$default"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The label of a contact line (the context node: a d:phone, d:email or d:website of the
       sender or the signatory), without punctuation: "Telephone", "Email", "Website".
       short: the printed letterhead's shorter website label (label.website.short). -->
  <xsl:template name="label.contact">
    <xsl:param name="short" select="false()"/>
    <xsl:choose>
      <xsl:when test="self::d:phone"><xsl:value-of select="$label.phone"/></xsl:when>
      <xsl:when test="self::d:email"><xsl:value-of select="$label.email"/></xsl:when>
      <xsl:when test="self::d:website and $short"><xsl:value-of select="$label.website.short"/></xsl:when>
      <xsl:when test="self::d:website"><xsl:value-of select="$label.website"/></xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes">label.contact: no label for <xsl:value-of select="name()"/></xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The house style's line at the foot of every page: the authority's name and the footer
       wording, joined by house.footer.separator when both are given; empty when neither is. -->
  <xsl:template name="house.footer.line">
    <xsl:variable name="name" select="normalize-space($house.authority.name)"/>
    <xsl:variable name="text" select="normalize-space($house.footer.text)"/>
    <xsl:value-of select="$name"/>
    <xsl:if test="$name != '' and $text != ''"><xsl:value-of select="$house.footer.separator"/></xsl:if>
    <xsl:value-of select="$text"/>
  </xsl:template>

</xsl:stylesheet>
