"""The lists become shared: national entries (no agency) and each agency's own.

Every existing entry becomes national: the new ``agency`` column is empty for them. Names
and codes stay unique among the national entries, and become unique within each agency.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0010_audit_events'),
        ('procedures', '0002_code_unique_per_locale'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='procedurefield',
            name='procedures_field_code_once',
        ),
        migrations.AddField(
            model_name='procedurefield',
            name='agency',
            field=models.ForeignKey(blank=True, help_text='Empty: a national entry, offered to every agency (only a superuser changes those).', null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.agency', verbose_name='agency'),
        ),
        migrations.AlterField(
            model_name='procedurefield',
            name='name',
            field=models.CharField(max_length=255, verbose_name='name'),
        ),
        migrations.AddConstraint(
            model_name='procedurefield',
            constraint=models.UniqueConstraint(condition=models.Q(('agency__isnull', True)), fields=('name',), name='procedures_field_name_national', violation_error_message='Another entry of this list already has this name or code.'),
        ),
        migrations.AddConstraint(
            model_name='procedurefield',
            constraint=models.UniqueConstraint(condition=models.Q(('agency__isnull', False)), fields=('agency', 'name'), name='procedures_field_name_per_agency', violation_error_message='Another entry of this list already has this name or code.'),
        ),
        migrations.AddConstraint(
            model_name='procedurefield',
            constraint=models.UniqueConstraint(condition=models.Q(('agency__isnull', True), models.Q(('code', ''), _negated=True)), fields=('code',), name='procedures_field_code_national', violation_error_message='Another entry of this list already has this name or code.'),
        ),
        migrations.AddConstraint(
            model_name='procedurefield',
            constraint=models.UniqueConstraint(condition=models.Q(('agency__isnull', False), models.Q(('code', ''), _negated=True)), fields=('agency', 'code'), name='procedures_field_code_per_agency', violation_error_message='Another entry of this list already has this name or code.'),
        ),
    ]
