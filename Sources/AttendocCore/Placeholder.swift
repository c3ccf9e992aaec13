import SafeXML
