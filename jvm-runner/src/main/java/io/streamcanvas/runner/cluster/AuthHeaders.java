// The Authorization header of a remote target on every request Flink's REST client sends there (job submission with its
// jar uploads, status, cancel, savepoints, collect results). Flink's RestClusterClient reads extra headers only from its
// process's FLINK_REST_CLIENT_HEADERS, one value for a long-lived runner; but its RestClient adds the Netty handlers of
// every OutboundChannelHandlerFactory on the classpath, each given the client's Configuration. So the client config
// names the header by an opaque id (never the header itself, since a job's configuration travels to the cluster), and
// this factory, registered in META-INF/services, adds it to each request of a client whose config names one.
package io.streamcanvas.runner.cluster;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.io.network.netty.OutboundChannelHandlerFactory;
import org.apache.flink.shaded.netty4.io.netty.channel.ChannelHandler;
import org.apache.flink.shaded.netty4.io.netty.channel.ChannelHandlerContext;
import org.apache.flink.shaded.netty4.io.netty.channel.ChannelOutboundHandlerAdapter;
import org.apache.flink.shaded.netty4.io.netty.channel.ChannelPromise;
import org.apache.flink.shaded.netty4.io.netty.handler.codec.http.HttpHeaderNames;
import org.apache.flink.shaded.netty4.io.netty.handler.codec.http.HttpRequest;

public final class AuthHeaders implements OutboundChannelHandlerFactory {

  /** Client config key: the id of a registered header (a runner-internal key; programs cannot set streamcanvas.rest.*). */
  public static final ConfigOption<String> AUTH_ID = ConfigOptions.key("streamcanvas.rest.auth-id").stringType().noDefaultValue();

  private static final Map<String, String> BY_ID = new ConcurrentHashMap<>();
  private static final Map<String, String> ID_OF = new ConcurrentHashMap<>();

  /** The id that stands for `header` in a client config; one per distinct header, so the registry stays small. */
  public static String register(String header) {
    return ID_OF.computeIfAbsent(header, h -> {
      String id = UUID.randomUUID().toString();
      BY_ID.put(id, h);
      return id;
    });
  }

  @Override
  public int priority() {
    return 0;
  }

  @Override
  public Optional<ChannelHandler> createHandler(Configuration configuration) {
    String header = configuration.getOptional(AUTH_ID).map(BY_ID::get).orElse(null);
    return header == null ? Optional.empty() : Optional.of(new AddAuthorization(header));
  }

  /** Sets the header on each request head; bodies (multipart chunks) pass unchanged. */
  private static final class AddAuthorization extends ChannelOutboundHandlerAdapter {
    private final String header;

    AddAuthorization(String header) {
      this.header = header;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
      if (msg instanceof HttpRequest request) request.headers().set(HttpHeaderNames.AUTHORIZATION, header);
      super.write(ctx, msg, promise);
    }
  }
}
