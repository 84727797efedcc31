import java.util.zip.ZipFile
import javax.xml.parsers.DocumentBuilderFactory
import javax.xml.xpath.XPathFactory

// Maven finds a prefix in each plugin group's repository metadata, here dev/mexa/maven-metadata-local.xml in the
// local repository. A real install of the plugin writes that file: on Maven 3.9+ the resolver, from the jar's
// META-INF/maven/plugin.xml; on Maven 3.8 maven-plugin-plugin:addPluginArtifactMetadata with maven-install-plugin 2.x
// (mexa-maven-plugin's pom pins 2.4 for it: 3.x drops the file there, MNG-7055). The invoker's install goal installs
// the artifacts alone, so on Maven 3.8 this script writes what that real install writes, byte for byte, from the
// installed jar's plugin.xml.
def metadata = new File(localRepositoryPath, 'dev/mexa/maven-metadata-local.xml')
if (metadata.isFile()) {
    return true
}
def xpath = XPathFactory.newInstance().newXPath()
def parse = { input -> DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(input) }
def version = xpath.evaluate('/project/properties/mexaVersion', parse(new File(basedir, 'pom.xml')))
def jar = new File(localRepositoryPath, "dev/mexa/mexa-maven-plugin/${version}/mexa-maven-plugin-${version}.jar")
def descriptor = new ZipFile(jar).withCloseable { zip ->
    parse(zip.getInputStream(zip.getEntry('META-INF/maven/plugin.xml')))
}
def plugin = ['name', 'goalPrefix', 'artifactId'].collectEntries { [it, xpath.evaluate("/plugin/${it}", descriptor)] }
metadata.text = """<?xml version="1.0" encoding="UTF-8"?>
<metadata>
  <plugins>
    <plugin>
      <name>${plugin.name}</name>
      <prefix>${plugin.goalPrefix}</prefix>
      <artifactId>${plugin.artifactId}</artifactId>
    </plugin>
  </plugins>
</metadata>
"""
return true
