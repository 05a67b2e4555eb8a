/**
 * Feature-representation transfer (Pan &amp; Yang): representations in which source and target domains agree,
 * one sub-package per algorithm; each fitted mapping is immutable and maps new data.
 */
package org.tl4j.feature;
