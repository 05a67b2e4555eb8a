/**
 * uLSIF (Kanamori et al., JMLR 2009) and RuLSIF (Yamada et al., NIPS 2011) in closed form with closed-form
 * leave-one-out selection, and the {@code ulsif} and {@code rulsif} strategies.
 */
package org.tl4j.instance.ulsif;
