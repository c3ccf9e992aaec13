<?xml version="1.0" encoding="UTF-8"?>
<!--
  Attendoc: many documents as one XSL-FO file, for one Apache FOP run (one JVM start for a whole
  print run instead of one per letter).

  Input: <b:batch xmlns:b="urn:attendoc:batch:1"> holding any number of d:document elements, each
  valid against schema/document.rng. Output: one fo:root with one page-sequence per document, each
  numbered "Page X of Y" on its own, exactly as fo.xsl lays out a single document.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:d="urn:attendoc:document:1"
                xmlns:b="urn:attendoc:batch:1"
                exclude-result-prefixes="d b">

  <xsl:import href="fo.xsl"/>

  <xsl:template match="b:batch" mode="attendoc.root">
    <xsl:call-template name="attendoc.fo.root">
      <xsl:with-param name="documents" select="d:document"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
