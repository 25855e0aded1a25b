// SPDX-License-Identifier: MPL-2.0
#pragma once

// The indicator catalogue: directions, primary data fields, indicators and
// the rules between fields, loaded from a `msoko-catalogue/1` JSON file
// (docs/catalogue-format.md). A catalogue is loaded completely or not at all:
// every inconsistency throws CatalogueError naming file, JSON path and problem.

#include "msoko/catalogue_info.hpp"
#include "msoko/vpr_settings.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace msoko {

/// A kind of row of the form: `school`, `kindergarten`, `municipality`.
/// Exactly one type is the municipal level (`"level": "municipality"`): the
/// municipality's own row of every direction sheet; the others are the kinds
/// of organisations of the register «Организации».
struct OrganisationType {
    std::string id;
    std::string title;        ///< Russian, e.g. «общеобразовательная организация»
    std::string short_title;  ///< ОО, ДОО, УО
    bool municipal = false;   ///< the municipal level
    /// The English plural naming the type in a form's data file and passport
    /// (`schools`: rows of the register, `schools_expected`); `id + "s"` by default.
    std::string plural;
    /// The passport's question how many there are, without the short title
    /// («Число общеобразовательных организаций»); a generic one by default.
    std::string count_title;
};

/// A mark an organisation may carry, e.g. `shnor` (ШНОР).
struct Flag {
    std::string id;
    std::string title;
    std::string short_title;
    std::vector<std::string> org_types;  ///< the register's types that carry it; every one by default

    bool concerns(const std::string& org_type) const;
};

/// Where figures come from (the order's §3 «методы сбора информации»): one
/// entry of the catalogue's closed list `sources`, e.g. `fis_oko` «ФИС ОКО».
struct DataSource {
    std::string id;
    std::string title;  ///< Russian, as the form's input help and the docs show it
};

enum class FieldType { Count, Number, YesNo, Date, Text, Link };

/// The catalogue spelling of a field type (`count`, `yes_no` …).
const char* to_string(FieldType t);

/// A member of a dimension: a parallel, a subject, a level of education.
struct DimensionMember {
    std::string id;     ///< `[a-z0-9_]+`: the suffix of member fields (`_<id>`) and variants (`.<id>`)
    std::string title;  ///< Russian, e.g. «НОО (1–4 классы)»
};

/// What a figure or an indicator may be broken down by (`dimensions`).
struct Dimension {
    std::string id;  ///< `parallels`, `subjects`, `levels`
    std::string title;
    /// The members of a breakdown add up to its total (levels, parallels):
    /// a rule Σ members = total; otherwise (a teacher teaches several subjects)
    /// each member is at most the total.
    bool additive = true;
    std::vector<DimensionMember> members;

    const DimensionMember* member(const std::string& id) const;
};

/// One primary figure entered on a direction's sheet, per organisation.
struct Field {
    std::string id;
    std::string direction;  ///< id of the direction whose sheet holds it
    std::string title;
    FieldType type = FieldType::Count;
    std::string unit;
    std::vector<std::string> org_types;
    std::string filled_by;  ///< ОО, ДОО or УО
    bool required = true;
    std::optional<double> min;
    std::optional<double> max;
    std::string note;
    /// A total broken down: the dimension's id; its member fields follow it.
    std::string breakdown;
    /// A member field (added by the loader right after its total): the
    /// total's id and the member's id; its id is `<total>_<member>`.
    std::string breakdown_of;
    std::string member;
    std::string source;  ///< id of the catalogue's `sources` entry it comes from, or empty

    bool concerns(const std::string& org_type) const;
};

/// How an indicator is computed from fields (see the format's table).
struct Computation {
    enum class Kind { Ratio, Count, Sum, Flag, OrganisationShare, BandShare };
    struct Band {
        double from = 0;
        std::string field;
    };
    Kind kind = Kind::Ratio;
    std::vector<std::string> numerator;    ///< Ratio
    std::vector<std::string> denominator;  ///< Ratio, BandShare
    double multiplier = 100.0;             ///< Ratio
    std::vector<std::string> fields;       ///< Count, Sum, Flag, OrganisationShare: the fields summed or read
    std::vector<Band> bands;               ///< BandShare, ascending by `from`
    /// BandShare: the threshold computed when none is asked for; the lowest
    /// band when absent (a variant «от 80 баллов» sets 80).
    std::optional<double> from;

    /// Every field the computation reads, in a stable order.
    std::vector<std::string> inputs() const;
};

const char* to_string(Computation::Kind k);

/// The order's §2.1 groups: a result (результативный), context (контекстный)
/// or process indicator; Unspecified when the catalogue does not say.
enum class IndicatorRole { Unspecified, Result, Context, Process };
/// Which direction of change is an improvement; Unspecified when not said.
enum class Better { Unspecified, Higher, Lower, Neither };

/// The catalogue spelling (`result`, `higher` …; empty for Unspecified).
const char* to_string(IndicatorRole r);
const char* to_string(Better b);
/// Russian, for the form and the docs: «результативный», «выше — лучше» …
/// (empty for Unspecified).
const char* title(IndicatorRole r);
const char* title(Better b);

struct Indicator {
    std::string id;  ///< `<direction>.<position>`
    std::string direction;
    std::string title;
    std::string unit;
    std::vector<std::string> org_types;
    std::vector<std::string> scope_flags;  ///< empty: every organisation of org_types
    Computation compute;
    std::string duplicate_of;  ///< id of the indicator it repeats, or empty
    std::string note;
    /// A variant (`<headline>.<suffix>`, right after its headline in the
    /// catalogue and in its direction): the headline's id. Empty for a headline.
    std::string variant_of;
    /// A variant's short label shown beside or under the headline
    /// («в т. ч. от 80 баллов», «НОО (1–4 классы)»); empty for a headline.
    std::string label;
    /// A headline broken down: the dimension's id. A variant of a breakdown: its member's id.
    std::string breakdown;
    std::string member;
    IndicatorRole role = IndicatorRole::Unspecified;
    Better better = Better::Unspecified;

    bool concerns(const std::string& org_type) const;
    bool is_variant() const { return !variant_of.empty(); }
};

/// A rule between fields, checked in every row of the form.
struct Rule {
    enum class Kind { PartWhole, SumEquals, SameValue, RequiresEvidence, SumWithin, Implies, CoversRegister };
    /// What a broken rule is: an error (the default) or a warning, for a figure that is merely implausible.
    enum class Level { Error, Warning };
    /// Implies: what its `if` or `then` says of its field.
    struct Condition {
        std::optional<bool> is;       ///< the answer «да» (true) or «нет» (false) of a yes_no field
        std::optional<double> above;  ///< a count or number field greater than this

        /// Does a read value (1 «да», 0 «нет», or the figure) satisfy it?
        bool holds(double value) const { return is ? (value == 1) == *is : value > *above; }
    };
    Kind kind = Kind::PartWhole;
    std::string direction;
    std::vector<std::string> fields;  ///< PartWhole: {part, whole}; SumEquals: parts…, total last;
                                      ///< SameValue: the fields; RequiresEvidence: flag, evidence…;
                                      ///< SumWithin: parts…, then the whole's fields; Implies: {if, then};
                                      ///< CoversRegister: the municipality's field, then `sum_of`…
    bool derived = false;             ///< added by the loader from a single-field ratio or a breakdown
    std::string source;               ///< JSON path of the rule, or of the ratio or the field's breakdown it came from
    Level level = Level::Error;
    std::size_t parts = 0;              ///< SumWithin: how many of `fields` are the parts (the rest: the whole)
    std::vector<Condition> conditions;  ///< Implies: of fields[0] (if) and fields[1] (then)
    /// CoversRegister: the register's organisation types counted (no `sum_of`)
    /// or summed over; the loader fills the default.
    std::vector<std::string> org_types;
};

const char* to_string(Rule::Kind k);

struct Direction {
    std::string id;
    std::string short_title;  ///< a few words for a sheet name; the title when absent
    std::string group;
    std::string title;
    std::string source;
    std::string note;
    bool supplementary = false;           ///< not part of the implemented document (the subsystems of seed 001)
    std::vector<std::string> fields;      ///< field ids, in the catalogue's order
    std::vector<std::string> indicators;  ///< indicator ids, in order
};

/// How one field of the version the catalogue's `changes` lead from becomes
/// the current version's (docs/catalogue-format.md, «changes»). A field of
/// the old version not named keeps its value when its id is still a field.
struct FieldChange {
    enum class Kind {
        Renamed,    ///< `new`: the same figure under another id
        Removed,    ///< `removed`: no longer asked; its values are dropped
        Merged,     ///< `into`: one field now; `sum`: the values are added to the target's
        Split,      ///< `split`: several fields now, filled anew (`keep`: the one that takes its value)
        Redefined,  ///< `redefined`: the id stays, the meaning changed: filled anew
        Summed,     ///< `field` with `sum_of`: a field of this version is the sum of old fields (which may stay)
    };
    Kind kind = Kind::Renamed;
    std::string old_id;               ///< the field of the old version (empty for Summed)
    std::string target;               ///< Renamed, Merged, Summed: the current field
    std::vector<std::string> sum_of;  ///< Summed: the old fields added up
    std::vector<std::string> split;   ///< Split: the current fields it became
    std::string keep;                 ///< Split: the one of them that takes the old value, or empty
    std::string reason;               ///< Removed, Redefined: why, Russian (shown to the user)
    bool sum = false;                 ///< Merged: added to the target's value (else one of equal values)
    std::string source;               ///< JSON path of the entry
};

/// An indicator whose definition changed since version `from`: its values of
/// that version are not comparable with this one's, so a form moved or made
/// from an old one does not take them as last year's.
struct IndicatorChange {
    std::string id;      ///< the indicator (of this catalogue)
    std::string reason;  ///< why, Russian (shown to the user)
    std::string source;  ///< JSON path of the entry
};

/// The catalogue's `changes`: what became of the fields of version `from`.
struct CatalogueChanges {
    std::string from;  ///< the version they lead from; empty: the catalogue declares none
    std::vector<FieldChange> fields;
    std::vector<IndicatorChange> indicators;

    /// The change of an indicator's definition, or null (comparable with the old version).
    const IndicatorChange* redefined(const std::string& indicator) const;

    /// The change of an old field, or null (kept when its id is a current field; Summed entries name none).
    const FieldChange* of(const std::string& old_id) const;
};

class Catalogue {
public:
    CatalogueInfo info;
    std::string source;
    std::vector<OrganisationType> organisation_types;
    std::vector<Flag> flags;
    std::vector<Dimension> dimensions;
    std::vector<DataSource> sources;  ///< the closed list of data sources fields name
    std::vector<Direction> directions;
    std::vector<Field> fields;
    std::vector<Indicator> indicators;
    std::vector<Rule> rules;
    CatalogueChanges changes;  ///< from the previous version; empty `from` when none are declared
    VprSettings vpr;           ///< the member `vpr`; default_vpr_settings() when the catalogue has none

    const Field* field(const std::string& id) const;
    const Indicator* indicator(const std::string& id) const;
    const Direction* direction(const std::string& id) const;
    const OrganisationType* organisation_type(const std::string& id) const;
    const Dimension* dimension(const std::string& id) const;
    /// The variants of a headline, in order (empty for a variant or an indicator without any).
    std::vector<const Indicator*> variants(const std::string& headline) const;
    /// The member fields of a broken-down total, in the dimension's order.
    std::vector<const Field*> members(const std::string& total) const;
    /// The entry of `sources` with this id, or null.
    const DataSource* data_source(const std::string& id) const;
    /// The title of the source a field names; empty when it names none.
    std::string source_title(const Field& f) const;
    /// The type whose short title is `short_title` (ОО, УДО …, as the form's
    /// «Тип» column shows it; any case, surrounding spaces ignored), or null.
    const OrganisationType* organisation_type_by_short(const std::string& short_title) const;
    /// The municipal level (the loader makes sure there is exactly one).
    const OrganisationType& municipal_type() const;
    /// The kinds of organisations of the register: every type but the
    /// municipal level, in the catalogue's order.
    std::vector<const OrganisationType*> register_types() const;

    /// Builds the look-up indexes; called by the loader.
    void index();

private:
    std::map<std::string, std::size_t> field_index_;
    std::map<std::string, std::size_t> indicator_index_;
    std::map<std::string, std::size_t> direction_index_;
};

/// Parses and checks a catalogue; `file` names it in errors.
/// @throws CatalogueError on any problem (file, JSON path, what is wrong).
Catalogue parse_catalogue(const std::string& json, const std::string& file);

/// Reads and checks the catalogue in `path`.
Catalogue read_catalogue(const std::string& path);

}  // namespace msoko
