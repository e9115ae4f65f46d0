package dev.sluice.core.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The showcase's docs site in headless Chromium, opened from disk (file://) as a person would:
 * the graph draws, search finds a model, a click opens its page, and the datamart's page shows
 * the source columns of its columns. Screenshots go to {@code core/target/docs-screenshots/}.
 */
class DocsBrowserIT {
    @TempDir
    static Path dir;
    static TestingShowcaseDocs showcase;
    static ChromeDriver browser;

    @BeforeAll
    static void open() {
        if (!TestingBrowser.required()) {
            assumeTrue(TestingBrowser.available(), "no Chromium and chromedriver here (apt-get install chromium chromium-driver)");
        }
        showcase = new TestingShowcaseDocs(dir);
        browser = TestingBrowser.start();
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
        if (showcase != null) {
            showcase.drop();
        }
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    private static void load(Path file) {
        browser.get(file.toUri().toString());
        waiting().until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
    }

    @Test
    void searchFindsAModelAndAClickOpensItsPage() throws IOException {
        load(showcase.target().resolve("index.html"));
        List<WebElement> nodes = browser.findElements(By.cssSelector("#graph g.n"));
        assertThat(nodes).hasSize(6 + 8 + 1 + 1); // seeds, models (ephemeral included), exposure
        screenshot("index");

        browser.findElement(By.id("search")).sendKeys("mrt_drug");
        WebElement first = waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#results a.result")));
        assertThat(first.getText()).startsWith("mrt_drug_graph");
        first.click();
        waiting().until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
        assertThat(browser.getCurrentUrl()).endsWith("/docs/nodes/model.drugs.mrt_drug_graph.html");
        assertThat(browser.findElement(By.id("title")).getText()).startsWith("mrt_drug_graph");

        // the datamart's column lineage: each column's source columns, in the table and the column graph
        assertThat(browser.findElement(By.id("col-atccode")).getText()).contains("rsv_drugs.atccode");
        assertThat(browser.findElement(By.id("col-journals")).getText()).contains("cmp_journal_mentions.journal",
                "cmp_journal_mentions.mentioned_on");
        assertThat(browser.findElements(By.cssSelector("#column-graph path.cl"))).hasSizeGreaterThanOrEqualTo(5);
        assertThat(browser.findElements(By.cssSelector("#column-graph g.cg text"))).extracting(WebElement::getText)
                .contains("rsv_drugs", "cmp_publication_mentions", "cmp_journal_mentions");
        screenshot("mrt_drug_graph");

        // a source column is a link to the upstream page's row
        browser.findElement(By.cssSelector("#col-atccode a[href='model.drugs.rsv_drugs.html#col-atccode']")).click();
        waiting().until(ExpectedConditions.urlContains("model.drugs.rsv_drugs.html#col-atccode"));
        assertThat(browser.findElement(By.id("title")).getText()).startsWith("rsv_drugs");
    }

    @Test
    void clickingANodeOpensItsPageAndFocusShowsItsLineage() {
        load(showcase.target().resolve("index.html"));
        WebElement focus = browser.findElement(By.id("focus"));
        focus.sendKeys("+cmp_journal_mentions", Keys.ENTER);
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "nodes in"));
        // cmp_journal_mentions <- cmp_publication_mentions <- rsv_pubmed, rsv_clinical_trials, rsv_drugs
        //   <- rsv_publications_checked <- pubmed, pubmed_json, clinical_trials; rsv_drugs <- drugs
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("10 nodes in +cmp_journal_mentions");
        assertThat(browser.findElements(By.cssSelector("#graph g.n.on"))).hasSize(10);
        screenshot("focus");

        WebElement node = browser.findElements(By.cssSelector("#graph g.n")).stream()
                .filter(n -> n.getText().equals("rsv_drugs") || n.findElement(By.tagName("text")).getText().equals("rsv_drugs"))
                .findFirst().orElseThrow();
        node.findElement(By.tagName("rect")).click();
        waiting().until(ExpectedConditions.urlContains("model.drugs.rsv_drugs.html"));
        assertThat(browser.findElement(By.id("title")).getText()).startsWith("rsv_drugs");
    }

    @Test
    void hostileNamesAndDescriptionsRunNoScript(@TempDir Path other) {
        Path project = HostileDocsTest.hostileProject(other);
        dev.sluice.core.api.DocsResult docs;
        try (dev.sluice.core.Sluice sluice = dev.sluice.core.Sluice.configure().projectDir(project)
                .environment(java.util.Map.of("HOME", other.toString())).load()) {
            docs = sluice.docsGenerate(true);
        }
        for (Path page : List.of(docs.index(), project.resolve("target/docs/nodes/model.shop.hostile.html"),
                project.resolve("target/docs/nodes/exposure.shop.evil_app.html"))) {
            load(page);
            // an alert() from any payload would be open now, and fail the next command
            assertThat(browser.findElements(By.tagName("h1"))).isNotEmpty();
            assertThat(browser.findElements(By.cssSelector("script:not([src])"))).hasSizeLessThanOrEqualTo(1);
            assertThat(browser.findElements(By.cssSelector("img, iframe, svg[onload], i[onmouseover]"))).isEmpty();
        }
        browser.findElement(By.id("search")).sendKeys("hostile");
        assertThat(waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#results a.result"))).getText())
                .startsWith("hostile");
    }

    private static void screenshot(String name) throws RuntimeException {
        try {
            Path out = Path.of("target", "docs-screenshots");
            Files.createDirectories(out);
            Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, out.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
