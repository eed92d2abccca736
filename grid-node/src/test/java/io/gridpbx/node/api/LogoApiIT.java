package io.gridpbx.node.api;

import static io.gridpbx.node.api.ApiClient.DEMO_RESELLER;
import static io.gridpbx.node.api.ApiClient.OFFICE_CLIENT;
import static io.gridpbx.node.api.ApiClient.OTHER_RESELLER;
import static io.gridpbx.node.api.ApiClient.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.node.api.ApiClient.Reply;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** A reseller's logo over HTTP: the body is the image; another reseller and a client find nothing. */
@Timeout(120)
@ExtendWith(ApiNode.class)
class LogoApiIT {

    private static final String LOGO = "/api/v1/resellers/other.gridpbx.test/logo";

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static Reply put(ApiClient as, String contentType, byte[] body) {
        return as.send(as.request(LOGO).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    @Test
    void theResellerSetsItsLogo_readsItBackAsTheImage_andRemovesIt() throws Exception {
        byte[] png = png();

        Reply set = put(OTHER_RESELLER, "application/octet-stream", png);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().path("contentType").asString()).isEqualTo("image/png");

        HttpResponse<byte[]> read = HttpClient.newHttpClient().send(PLATFORM.request(LOGO).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(read.body()).isEqualTo(png);

        assertThat(OTHER_RESELLER.delete(LOGO).status()).isEqualTo(204);
        Reply gone = OTHER_RESELLER.get(LOGO);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().path("error").asString()).isEqualTo("not-found");
    }

    @Test
    void notAnImage_isA400OnTheLogoField() {
        Reply bad = put(OTHER_RESELLER, "image/png", "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes());

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.fieldsInError()).containsExactly("logo");
    }

    @Test
    void anotherReseller_andAClient_cannotReachIt() throws Exception {
        assertThat(put(DEMO_RESELLER, "image/png", png()).status()).isEqualTo(404);
        assertThat(OFFICE_CLIENT.get(LOGO).status()).isEqualTo(404);
        assertThat(DEMO_RESELLER.delete(LOGO).status()).isEqualTo(404);
    }
}
