// SPDX-License-Identifier: MPL-2.0
// The ranking of the «мотивирующий мониторинг» (docs/region.md): per ranked
// indicator the best municipality 100, the worst 0, the others in proportion
// between them; a municipality with too small a base shown but not scored;
// a mean per direction, the mean of those overall, places and a zone per
// quarter of the places. Then each municipality's profile.
#include "msoko/region.hpp"

#include "msoko/text.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace msoko {

namespace {

bool ranked(const Indicator& ind) {
    return ind.variant_of.empty() && ind.duplicate_of.empty() &&
           (ind.better == Better::Higher || ind.better == Better::Lower);
}

bool is_share(const Indicator& ind) {
    const auto k = ind.compute.kind;
    return k == Computation::Kind::Ratio || k == Computation::Kind::BandShare ||
           k == Computation::Kind::OrganisationShare;
}

/// Places 1, 2, 2, 4 …: equal keys share a place; `keys` none: no place.
std::vector<std::size_t> places(const std::vector<std::optional<double>>& keys) {
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (keys[i])
            order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return *keys[a] > *keys[b]; });
    std::vector<std::size_t> out(keys.size(), 0);
    for (std::size_t k = 0; k < order.size(); ++k)
        out[order[k]] = k > 0 && std::fabs(*keys[order[k]] - *keys[order[k - 1]]) < 1e-9 ? out[order[k - 1]] : k + 1;
    return out;
}

IndicatorRanking rank(const Indicator& ind, std::size_t index, const std::vector<RegionMunicipality>& municipalities,
                      double small_base) {
    IndicatorRanking r;
    r.indicator = &ind;
    std::vector<double> eligible;
    for (const auto& m : municipalities) {
        RegionScore s;
        const IndicatorFigures* f = m.figures[index];
        if (f && f->status == Result::Status::Value && f->value) {
            s.value = f->value;
            s.small_base = is_share(ind) && f->denominator && *f->denominator < small_base;
            if (!s.small_base)
                eligible.push_back(*f->value);
        }
        r.scores.push_back(s);
    }
    if (eligible.size() < 2)
        return r;
    const auto [lo, hi] = std::minmax_element(eligible.begin(), eligible.end());
    const bool higher = ind.better == Better::Higher;
    r.best = higher ? *hi : *lo;
    r.worst = higher ? *lo : *hi;
    std::vector<std::optional<double>> keys;
    for (auto& s : r.scores) {
        if (s.value && !s.small_base) {
            s.score = *r.best == *r.worst ? 100.0 : 100.0 * ((*s.value - *r.worst) / (*r.best - *r.worst));
            ++r.scored;
        }
        keys.push_back(s.score);
    }
    const std::vector<std::size_t> p = places(keys);
    for (std::size_t i = 0; i < r.scores.size(); ++i)
        r.scores[i].place = p[i];
    return r;
}

std::optional<double> mean(const std::vector<double>& v) {
    if (v.empty())
        return std::nullopt;
    return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}

}  // namespace

const char* zone_title(int zone) {
    switch (zone) {
        case 1:
            return "высокий уровень";
        case 2:
            return "выше среднего";
        case 3:
            return "ниже среднего";
        case 4:
            return "низкий уровень";
        default:
            return "";
    }
}

std::string ranking_rule_text(double small_base) {
    return "Баллы мотивирующего мониторинга. По каждому показателю, для которого каталог говорит, что лучше "
           "(«выше — лучше» или «ниже — лучше»), лучший муниципалитет получает 100 баллов, худший — 0, "
           "остальные — пропорционально: 100 × (значение − худшее) / (лучшее − худшее); при равных значениях "
           "у всех — 100. Муниципалитет, у которого знаменатель доли меньше " +
           format_number(small_base) +
           ", показан, но отмечен «малая база» и баллов не получает; показатель сравнивается, когда баллы "
           "можно дать хотя бы двум муниципалитетам. Итог по направлению — среднее баллов его показателей, "
           "общий итог — среднее итогов по направлениям. Места — по убыванию баллов (равные баллы — одно "
           "место); зоны — четверти мест: I — высокий уровень, II — выше среднего, III — ниже среднего, "
           "IV — низкий уровень.";
}

void rank_region(const Catalogue& catalogue, Region& region, const RegionOptions& options) {
    const std::size_t n = region.municipalities.size();
    std::vector<std::ptrdiff_t> ranking_of(catalogue.indicators.size(), -1);
    for (std::size_t i = 0; i < catalogue.indicators.size(); ++i)
        if (ranked(catalogue.indicators[i])) {
            ranking_of[i] = static_cast<std::ptrdiff_t>(region.rankings.size());
            region.rankings.push_back(rank(catalogue.indicators[i], i, region.municipalities, options.small_base));
        }

    // Totals: a mean per direction, then the mean of the directions.
    region.totals.assign(n, MunicipalTotal{});
    for (std::size_t m = 0; m < n; ++m) {
        MunicipalTotal& t = region.totals[m];
        std::vector<double> directions;
        for (const auto& d : catalogue.directions) {
            std::vector<double> scores;
            for (const auto& r : region.rankings)
                if (r.indicator->direction == d.id && r.scores[m].score)
                    scores.push_back(*r.scores[m].score);
            t.directions.push_back(mean(scores));
            if (t.directions.back())
                directions.push_back(*t.directions.back());
        }
        t.total = mean(directions);
    }
    std::vector<std::optional<double>> keys;
    for (const auto& t : region.totals)
        keys.push_back(t.total);
    const std::vector<std::size_t> p = places(keys);
    const std::size_t with_total = static_cast<std::size_t>(
        std::count_if(keys.begin(), keys.end(), [](const std::optional<double>& k) { return k.has_value(); }));
    for (std::size_t m = 0; m < n; ++m) {
        region.totals[m].place = p[m];
        if (p[m])
            region.totals[m].zone = 1 + static_cast<int>(4 * (p[m] - 1) / with_total);
    }
    region.by_place.resize(n);
    std::iota(region.by_place.begin(), region.by_place.end(), std::size_t{0});
    std::stable_sort(region.by_place.begin(), region.by_place.end(), [&](std::size_t a, std::size_t b) {
        const std::size_t pa = p[a] ? p[a] : n + 1, pb = p[b] ? p[b] : n + 1;
        return pa < pb;
    });

    // Profiles.
    for (std::size_t m = 0; m < n; ++m) {
        MunicipalProfile profile;
        for (std::size_t i = 0; i < catalogue.indicators.size(); ++i) {
            const Indicator& ind = catalogue.indicators[i];
            if (!ind.duplicate_of.empty())
                continue;
            ProfileLine line;
            line.indicator = &ind;
            line.region = region.values[i].value;
            if (const IndicatorFigures* f = region.municipalities[m].figures[i]) {
                if (f->status == Result::Status::Value)
                    line.value = f->value;
                if (const double* last = std::get_if<double>(&f->last_year))
                    line.last_year = *last;
                line.dynamics = f->dynamics;
            }
            if (ranking_of[i] >= 0) {
                const RegionScore& s = region.rankings[static_cast<std::size_t>(ranking_of[i])].scores[m];
                line.score = s.score;
                line.place = s.place;
                line.small_base = s.small_base;
            }
            profile.lines.push_back(line);
        }
        std::vector<std::size_t> scored;
        for (std::size_t k = 0; k < profile.lines.size(); ++k)
            if (profile.lines[k].score)
                scored.push_back(k);
        std::stable_sort(scored.begin(), scored.end(), [&](std::size_t a, std::size_t b) {
            return *profile.lines[a].score > *profile.lines[b].score;
        });
        const std::size_t top = std::min<std::size_t>(5, scored.size() / 2);
        profile.strongest.assign(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(top));
        profile.weakest.assign(scored.rbegin(), scored.rbegin() + static_cast<std::ptrdiff_t>(top));
        region.profiles.push_back(std::move(profile));
    }
}

}  // namespace msoko
