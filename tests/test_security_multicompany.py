"""County scale (issue 19 point 1): one database, one company per commune, each
commune's data invisible to the others.

Generic on purpose: the models are enumerated from the registry, not listed, so a
model added later without a company or without a company rule fails here.

- every stored model of the four addons (and the registry's tickets and
  departments) with a ``company_id``: a record made (sudo) in commune B is counted
  0 times by a user of commune A, with every CIC, HR, appraisal and accounting
  right; a user of A and B sees it only when B is among his allowed companies
  (Odoo's company switcher);
- every stored ``cic.*`` model holds a company, or is in the commented allow-list
  of data shared by all communes.
"""

import base64
import datetime

from security_matrix import suite_models

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged

SUITE_ADDONS = ("cic_registry", "cic_audience", "cic_performance", "cic_portal")
# Models of other addons that hold the registry itself: checked with the suite's.
REGISTRY_CORE = ("helpdesk.ticket", "helpdesk.ticket.team")
# Stored cic.* models without a company, by design: shared by every commune.
SHARED_MODELS = {
    # National nomenclature of localities (INS), the same for every commune.
    "cic.siruta",
    # Technical rows of the portal (one-time tokens of post/redirect/get and the
    # rate limiter's counters): they point to records that have company rules and
    # are only read with sudo by the controllers.
    "cic.portal.submission",
    "cic.portal.throttle",
    # The rows of Law 544's annual report template (art. 27 headings), shipped data.
    "cic.report.foi.line",
    # The taxonomy of the service catalogue (headings): the services, their form
    # fields and their fees are per commune.
    "cic.service.category",
    # The subjects of audiences (urbanism, local taxes...): one list, so that the
    # statistics by subject compare communes.
    "cic.audience.topic",
}
# The rights of a manager of one town hall (the "CIC manager").
MANAGER_GROUPS = (
    "base.group_user",
    "cic_registry.group_cic_manager",
    "hr.group_hr_manager",
    "hr_appraisal_oca.group_appraisal_hr_officer",
    "account.group_account_manager",
    "survey.group_survey_manager",
    "base.group_system",
)
DAY = datetime.date(2026, 3, 2)
MOMENT = datetime.datetime(2026, 3, 2, 9, 0)
# Values the generic factory cannot guess (constraints on the values).
VALUES = {
    "cic.appraisal.methodology": {"year_from": 2026},
    "cic.kpi.snapshot": {"period_type": "month"},
    "cic.nomenclator.entry": {"retention_type": "years", "retention_years": 10},
    "cic.audience.closure": {
        "date_start": MOMENT,
        "date_stop": MOMENT + datetime.timedelta(hours=2),
    },
    "cic.training.course": {"hours": 8.0},
}


def company_models(env):
    """Stored models of the suite with a company: the four addons' own models and
    the registry's tickets and departments."""
    names = [
        name
        for name in suite_models(env)
        if env[name]._original_module in SUITE_ADDONS or name in REGISTRY_CORE
    ]
    return [
        name
        for name in names
        if "company_id" in env[name]._fields and not env[name]._transient
    ]


@tagged("post_install", "-at_install")
class TestCommuneIsolation(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(
            context=dict(
                cls.env.context,
                tracking_disable=True,
                mail_create_nolog=True,
                mail_create_nosubscribe=True,
                mail_notrack=True,
                no_reset_password=True,
            )
        )
        cls.company_a = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "Primăria Comunei B"})
        groups = [
            cls.env.ref(xmlid).id
            for xmlid in MANAGER_GROUPS
            if cls.env.ref(xmlid, raise_if_not_found=False)
        ]
        cls.user_a = new_test_user(
            cls.env,
            login="mc_manager_a",
            groups="base.group_user",
            company_id=cls.company_a.id,
            company_ids=[(6, 0, cls.company_a.ids)],
        )
        cls.user_ab = new_test_user(
            cls.env,
            login="mc_manager_ab",
            groups="base.group_user",
            company_id=cls.company_a.id,
            company_ids=[(6, 0, (cls.company_a | cls.company_b).ids)],
        )
        (cls.user_a | cls.user_ab).write({"groups_id": [(6, 0, groups)]})
        cls.env_b = cls.env(
            context=dict(cls.env.context, allowed_company_ids=cls.company_b.ids),
            su=True,
        )
        cls._made = {}
        cls._stack = []

    # -- a generic factory of records in commune B --------------------------------

    @classmethod
    def _record_b(cls, model):
        """A record of ``model`` in commune B (made once, memoised)."""
        if model in cls._made:
            return cls._made[model]
        if model in cls._stack:
            raise AssertionError(f"cyclic required fields: {cls._stack + [model]}")
        cls._stack.append(model)
        try:
            record = cls._make(model)
        finally:
            cls._stack.pop()
        cls._made[model] = record
        return record

    @classmethod
    def _make(cls, model):
        Model = cls.env_b[model]
        maker = getattr(cls, "_make_" + model.replace(".", "_"), None)
        if maker:
            return maker()
        if Model._original_module not in SUITE_ADDONS and model not in REGISTRY_CORE:
            # another addon's model: an existing row of B (or shared) will do
            domain = []
            if "company_id" in Model._fields:
                domain = [("company_id", "in", [cls.company_b.id, False])]
            found = Model.search(domain, limit=1)
            if found:
                return found
        return Model.create(cls._values(model))

    @classmethod
    def _values(cls, model):
        Model = cls.env_b[model]
        vals = dict(VALUES.get(model, {}))
        defaults = Model.default_get(list(Model._fields))
        for name, field in Model._fields.items():
            if name in vals or not field.store or field.compute or field.related:
                continue
            if name == "company_id":
                vals[name] = cls.company_b.id
            elif field.required and defaults.get(name) in (None, False):
                vals[name] = cls._value(model, field)
        return vals

    @classmethod
    def _value(cls, model, field):
        kind = field.type
        if kind == "many2one":
            return cls._record_b(field.comodel_name).id
        if kind == "selection":
            return field.get_values(cls.env_b)[0]
        if kind in ("char", "text"):
            return f"B {model} {field.name}"
        if kind == "html":
            return f"<p>B {model}</p>"
        if kind in ("integer", "float", "monetary"):
            return 1
        if kind == "date":
            return DAY
        if kind == "datetime":
            return MOMENT
        if kind == "binary":
            return base64.b64encode(b"B")
        if kind == "boolean":
            return True
        raise AssertionError(f"{model}.{field.name}: no generic value for {kind}")

    # -- explicit makers for the records the generic one cannot guess -------------

    @classmethod
    def _make_res_partner(cls):
        return cls.env_b["res.partner"].create(
            {
                "name": "Ion Popescu (comuna B)",
                "email": "ion.popescu.b@example.com",
                "phone": "0722000000",
                "street": "Strada Principală 1",
                "city": "Comuna B",
            }
        )

    @classmethod
    def _make_res_users(cls):
        return new_test_user(
            cls.env,
            login="mc_clerk_b",
            groups="cic_registry.group_cic_clerk",
            company_id=cls.company_b.id,
            company_ids=[(6, 0, cls.company_b.ids)],
        )

    @classmethod
    def _make_hr_employee(cls):
        return cls.env_b["hr.employee"].create(
            {"name": "Angajat B", "company_id": cls.company_b.id}
        )

    @classmethod
    def _make_helpdesk_ticket_team(cls):
        return cls.env_b["helpdesk.ticket.team"].create(
            {"name": "Registratură B", "company_id": cls.company_b.id}
        )

    @classmethod
    def _make_helpdesk_ticket(cls):
        return cls.env_b["helpdesk.ticket"].create(
            {
                "name": "Petiție B",
                "description": "<p>B</p>",
                "team_id": cls._record_b("helpdesk.ticket.team").id,
                "partner_id": cls._record_b("res.partner").id,
                "company_id": cls.company_b.id,
            }
        )

    @classmethod
    def _make_hr_appraisal(cls):
        return cls.env_b["hr.appraisal"].create(
            {
                "employee_id": cls._record_b("hr.employee").id,
                "date_close": DAY,
            }
        )

    @classmethod
    def _make_account_journal(cls):
        return cls.env_b["account.journal"].create(
            {
                "name": "Casierie B",
                "code": "CSB",
                "type": "general",
                "company_id": cls.company_b.id,
            }
        )

    @classmethod
    def _make_cic_appraisal_rating_band(cls):
        methodology = cls._record_b("cic.appraisal.methodology")
        return methodology.band_ids[:1] or cls.env_b[
            "cic.appraisal.rating.band"
        ].create(
            dict(cls._values("cic.appraisal.rating.band"), min_score=1.0, max_score=2.0)
        )

    @classmethod
    def _make_cic_service_field(cls):
        return cls.env_b["cic.service.field"].create(
            {"name": "Suprafața (m²)", "service_id": cls._record_b("cic.service").id}
        )

    @classmethod
    def _make_cic_audience_official(cls):
        return cls.env_b["cic.audience.official"].create(
            {
                "user_id": cls._record_b("res.users").id,
                "company_id": cls.company_b.id,
            }
        )

    # -- the checks ----------------------------------------------------------------

    def _count(self, user, model, record, companies):
        Model = (
            self.env[model]
            .with_user(user)
            .with_context(allowed_company_ids=companies.ids)
        )
        try:
            return Model.search_count([("id", "=", record.id)])
        except AccessError:
            return None

    def test_user_of_a_counts_no_record_of_b(self):
        """For every model with a company: A's manager counts 0 records of B; a
        user of A and B sees B's only when B is allowed in his context."""
        models = company_models(self.env)
        self.assertIn("helpdesk.ticket", models)
        leaks, hidden, unreadable = [], [], []
        unmade = {}
        for model in models:
            known = set(self._made)
            try:
                with self.env.cr.savepoint():
                    record = self._record_b(model)
                    record.flush_recordset()
            except Exception as error:  # noqa: BLE001 (listed, then failed below)
                for name in set(self._made) - known:  # rolled back with it
                    del self._made[name]
                unmade[model] = repr(error)[:300]
                continue
            if record.company_id != self.company_b:
                unmade[model] = "made outside B: give it a maker or VALUES"
                continue
            if self._count(self.user_a, model, record, self.company_a):
                leaks.append(model)
            if self._count(self.user_ab, model, record, self.company_a):
                leaks.append(f"{model} (B not allowed in the switcher)")
            both = self._count(
                self.user_ab, model, record, self.company_a | self.company_b
            )
            if both is None:
                unreadable.append(model)
            elif not both:
                hidden.append(model)
        self.assertFalse(unmade, "no record of B made: add a maker or VALUES")
        self.assertFalse(leaks, "A's manager reads records of commune B")
        self.assertFalse(
            hidden, "a user of A and B does not see B's record with B allowed"
        )
        self.assertFalse(unreadable, "the managers of both communes cannot read")

    def test_every_cic_model_has_a_company(self):
        """Every stored cic.* model holds a company or is shared by design."""
        missing = [
            name
            for name in suite_models(self.env)
            if name.startswith("cic.")
            and not self.env[name]._transient
            and "company_id" not in self.env[name]._fields
            and name not in SHARED_MODELS
        ]
        self.assertFalse(missing, "cic models without a company_id")
        shared = [name for name in SHARED_MODELS if name in self.env]
        self.assertEqual(
            len(shared), len(SHARED_MODELS), "allow-list names a model that is gone"
        )
