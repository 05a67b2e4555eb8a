/** Multi-task learning with shared parameters {@code w_t = w₀ + v_t} (Evgeniou &amp; Pontil, KDD 2004). */
package org.tl4j.parameter.mtl;
