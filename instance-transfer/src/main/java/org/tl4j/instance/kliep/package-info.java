/**
 * KLIEP (Sugiyama et al., NIPS 2007 / AISM 2008) with likelihood cross-validation, and the {@code kliep} strategy.
 */
package org.tl4j.instance.kliep;
