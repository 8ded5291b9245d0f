package io.admin.auth.servlet.testlog;

import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.simple.SimpleServiceProvider;
import org.slf4j.spi.MDCAdapter;

/**
 * slf4j-simple with a working MDC (its own is a no-op), selected for the tests through the
 * {@code slf4j.provider} system property, so the filter's MDC behaviour can be observed.
 */
public final class MdcSimpleServiceProvider extends SimpleServiceProvider {
  private final MDCAdapter mdc = new BasicMDCAdapter();

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }
}
