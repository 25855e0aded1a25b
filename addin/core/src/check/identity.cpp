// SPDX-License-Identifier: MPL-2.0
// Is this our form, of this catalogue and version? One finding, not hundreds.
#include "check/calendar.hpp"
#include "check/check.hpp"
#include "msoko/migrate.hpp"

namespace msoko::check {

bool check_identity(CheckContext& ctx, Findings& out) {
    const Catalogue& c = ctx.catalogue;
    const SheetSnapshot* p = ctx.workbook.sheet(kPassportSheet);
    const PassportLayout& passport = ctx.layout.passport;
    const std::string id = p ? passport_value(*p, passport.item(kPassportCatalogueId)) : "";
    if (id.empty()) {
        out.add(K::NotAForm, p ? kPassportSheet : "").say();
        return false;
    }
    ctx.passport = p;
    const std::string version = passport_value(*p, passport.item(kPassportCatalogueVersion));
    if (id != c.info.id) {
        out.add(K::OtherCatalogue, kPassportSheet).value(id).say({{"каталог формы", id}, {"каталог", c.info.id}});
        return false;
    }
    if (version != c.info.version) {
        // An older version of this catalogue can be moved to the current one; a newer or unknown one cannot.
        out.add(older_version(c, version) ? K::OlderVersion : K::OtherVersion, kPassportSheet)
            .value(version)
            .say({{"версия формы", version}, {"версия", c.info.version}});
        return false;
    }
    // The reporting period: «2024/2025 учебный год» → 01.09.2024–31.08.2025.
    const std::string period = passport_value(*p, passport.item(kPassportPeriod));
    if (const auto serials = reporting_period(period)) {
        ctx.period_from = serials->first;
        ctx.period_to = serials->second;
    } else if (!period.empty()) {  // an empty one is a passport finding
        out.add(K::Period, kPassportSheet).value(period).say();
    }
    return true;
}

}  // namespace msoko::check
