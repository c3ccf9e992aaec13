<?xml version="1.0" encoding="UTF-8"?>
<!--
  Attendoc: the parameters every output format shares (imported by html.xsl, text.xsl, docx.xsl
  and fo.xsl; fo-batch.xsl and bundle-fo.xsl get them through fo.xsl).

  A local authority's house style is set here, once for all four formats, and nowhere else:
  Attendoc reads a house-style file (house-styles/<name>.yaml, named by the policy's
  letters: house_style:, see docs/house-style.md) and passes its values as these parameters.
  With xsltproc the same is done by hand:  xsltproc stringparam house.accent.colour '#00703c' ...

  Naming scheme, for every parameter of every Attendoc stylesheet:
    * lower case words joined by dots, most general first: house.accent.colour, label.website,
      table.dense.columns, page.margin.top (as DocBook XSL names its parameters);
    * British spelling ("colour"), as the letters are written in it;
    * house.*   the local authority's house style: set by the house-style file;
    * label.*   the words a stylesheet adds itself ("Telephone", "Page 2 of 3");
    * anything else is the layout of one format and is declared in that format's stylesheet
      (page.margin.top in fo.xsl is in millimetres, in docx.xsl in twips; they are separate).

  Empty house values and format defaults. Before house styles existed the four formats had
  defaults of their own that differ (DOCX's accent blue is darker; the HTML page's text is a
  softer black; each format uses its own font). Those defaults are kept byte for byte: a house.*
  parameter that is empty means "each format's own default", and the defaults are the
  house.default.* variables below, so they are all in this one file. A house style that sets a
  value sets it for every format.

  Values are used as they are given (in CSS, in WordprocessingML attributes, in XSL-FO): take them
  from configuration, never from case data. Attendoc checks the house-style file's values before
  it passes them (colours must be #rrggbb, a font name plain text).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- ====================================================================================== -->
  <!-- House style                                                                             -->
  <!-- ====================================================================================== -->

  <!-- The authority's name as its house style prints it at the foot of every page (HTML: a
       footer under the letter; plain text: the last lines; DOCX and PDF: the running footer).
       Empty: no such line (the letterhead's organisation comes from the case, not from here). -->
  <xsl:param name="house.authority.name" select="''"/>

  <!-- Wording printed after the name at the foot of every page, such as a strapline or a line
       about the authority's privacy notice. Empty: none. -->
  <xsl:param name="house.footer.text" select="''"/>

  <!-- Between the name and the footer wording when both are given. -->
  <xsl:param name="house.footer.separator" select="' · '"/>

  <!-- Accent colour, #rrggbb: the letterhead's organisation, headings, the rule under the
       letterhead, table heading rules. Empty: house.default.accent.colour(.docx). -->
  <xsl:param name="house.accent.colour" select="''"/>

  <!-- Body text colour, #rrggbb. Keep the contrast with white at 4.5:1 or better (WCAG AA).
       Empty: house.default.text.colour(.html). -->
  <xsl:param name="house.text.colour" select="''"/>

  <!-- The font of all text, one family name, such as Arial or Liberation Serif. DOCX names it (the
       machine opening the letter must have it); HTML puts it first in its font list; the PDF
       embeds it, so Apache FOP must know it: register its four faces in fop/fop.xconf.
       Empty: house.default.font.family.*. -->
  <xsl:param name="house.font.family" select="''"/>

  <!-- The logo on the letterhead (HTML, DOCX, PDF; plain text has none), from the house style's
       logo: and logo_description:. Attendoc reads and checks the image and sets all five; an
       empty house.logo.uri means no logo (and the letterhead is as it was without one).
       house.logo.uri: the whole image as a data: URI (data:image/png;base64,...), which HTML
         shows as it is (the page stays one file) and FOP reads without a file;
       house.logo.type: png or jpeg; DOCX names its image part word/media/logo.<type> (the
         Swift side adds that part with the image's bytes);
       house.logo.description: the alt text;
       house.logo.pixel.width, house.logo.pixel.height: the image's size in pixels, for its
         proportions (each format sets the logo's height in its own units and works out the
         width). -->
  <xsl:param name="house.logo.uri" select="''"/>
  <xsl:param name="house.logo.type" select="''"/>
  <xsl:param name="house.logo.description" select="''"/>
  <xsl:param name="house.logo.pixel.width" select="''"/>
  <xsl:param name="house.logo.pixel.height" select="''"/>

  <!-- Each format's own default where a house value is empty (see the top of this file). -->
  <xsl:variable name="house.default.accent.colour" select="'#1d4f91'"/>        <!-- HTML, PDF -->
  <xsl:variable name="house.default.accent.colour.docx" select="'#1F4E79'"/>
  <xsl:variable name="house.default.text.colour" select="'#000000'"/>          <!-- DOCX, PDF -->
  <xsl:variable name="house.default.text.colour.html" select="'#1b1b1b'"/>
  <!-- HTML: the reader's system font. -->
  <xsl:variable name="house.default.font.family.html"
                select="'system-ui, -apple-system, &quot;Segoe UI&quot;, Roboto, &quot;Helvetica Neue&quot;, Arial, &quot;Noto Sans&quot;, &quot;Liberation Sans&quot;, sans-serif'"/>
  <!-- DOCX: Arial is on every Windows/Mac install; LibreOffice substitutes the metric-compatible
       Liberation Sans, so line breaks match. -->
  <xsl:variable name="house.default.font.family.docx" select="'Arial'"/>
  <!-- PDF: the font fop/fop.xconf embeds (PDF/A needs every font embedded). -->
  <xsl:variable name="house.default.font.family.pdf" select="'Liberation Sans'"/>

  <!-- ====================================================================================== -->
  <!-- Labels: words the stylesheets add themselves                                            -->
  <!-- ====================================================================================== -->
  <!-- Without punctuation unless every format prints it the same; each format adds its own
       (HTML and plain text write "Telephone: 01234", PDF "Telephone 01234"). -->

  <xsl:param name="label.phone" select="'Telephone'"/>
  <xsl:param name="label.email" select="'Email'"/>
  <!-- On screen and in plain text. -->
  <xsl:param name="label.website" select="'Website'"/>
  <!-- In the narrow contact column of the printed letterhead (DOCX, PDF). -->
  <xsl:param name="label.website.short" select="'Web'"/>
  <xsl:param name="label.references" select="'References'"/>          <!-- HTML -->
  <xsl:param name="label.reference" select="'Reference'"/>            <!-- DOCX footer -->
  <xsl:param name="label.enclosures" select="'Enclosures'"/>
  <xsl:param name="label.copies" select="'Copy to'"/>
  <xsl:param name="label.signatures" select="'Signatures'"/>          <!-- HTML -->
  <xsl:param name="label.signed" select="'Signed:'"/>
  <xsl:param name="label.signed.date" select="'Date:'"/>
  <!-- "Page 2 of 3" (DOCX, PDF). -->
  <xsl:param name="label.page" select="'Page'"/>
  <xsl:param name="label.of" select="'of'"/>

</xsl:stylesheet>
