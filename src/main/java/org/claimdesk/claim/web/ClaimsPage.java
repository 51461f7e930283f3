package org.claimdesk.claim.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimRegister;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** "Claims": every claim, newest first, paged on the server. */
@Named
@ViewScoped
public class ClaimsPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject ClaimRegister register;

  private final LazyDataModel<Claim> claims =
      new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
          return (int) Math.min(Integer.MAX_VALUE, register.count());
        }

        @Override
        public List<Claim> load(
            int first,
            int pageSize,
            Map<String, SortMeta> sortBy,
            Map<String, FilterMeta> filterBy) {
          return register.newestFirst(first, pageSize);
        }

        @Override
        public String getRowKey(Claim claim) {
          return String.valueOf(claim.id());
        }

        @Override
        public Claim getRowData(String rowKey) {
          return register.find(Long.parseLong(rowKey));
        }
      };

  public LazyDataModel<Claim> getClaims() {
    return claims;
  }
}
