"""The lists become shared: national entries (no agency) and each agency's own.

Every existing entry becomes national: the new ``agency`` column is empty for them. Names
and codes stay unique among the national entries, and become unique within each agency.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0010_audit_events'),
        ('legal_docs', '0004_help_texts_without_requirement_ids'),
    ]

    operations = [
        migrations.AddField(
            model_name='documenttype',
            name='agency',
            field=models.ForeignKey(blank=True, help_text='Empty: a national entry, offered to every agency (only a superuser changes those).', null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.agency', verbose_name='agency'),
        ),
        migrations.AddField(
            model_name='issuingbody',
            name='agency',
            field=models.ForeignKey(blank=True, help_text='Empty: a national entry, offered to every agency (only a superuser changes those).', null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.agency', verbose_name='agency'),
        ),
        migrations.AddField(
            model_name='legalfield',
            name='agency',
            field=models.ForeignKey(blank=True, help_text='Empty: a national entry, offered to every agency (only a superuser changes those).', null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.agency', verbose_name='agency'),
        ),
        migrations.AlterField(
            model_name='documenttype',
            name='code',
            field=models.CharField(max_length=12, verbose_name='abbreviation'),
        ),
        migrations.AlterField(
            model_name='issuingbody',
            name='name',
            field=models.CharField(max_length=255, verbose_name='name'),
        ),
        migrations.AlterField(
            model_name='legalfield',
            name='name',
            field=models.CharField(max_length=150, verbose_name='name'),
        ),
        migrations.AlterField(
            model_name='legalfield',
            name='slug',
            field=models.SlugField(blank=True, max_length=160, verbose_name='slug'),
        ),
        migrations.AddConstraint(
            model_name='documenttype',
            constraint=models.UniqueConstraint(condition=models.Q(('agency__isnull', True)), fields=('code',), name='legal_docs_type_code_national', violation_error_message='Another entry of this list already has this name or code.'),
        ),
        migrations.AddConstraint(
            model_name='documenttype',
            constraint=models.UniqueConstraint(condition=models.Q(('agency__isnull', False)), fields=('agency', 'code'), name='legal_docs_type_code_per_agency', violation_error_message='Another entry of this list already has this name or code.'),
        ),
        migrations.AddConstraint(
            model_name='issuingbody',
            constraint=models.UniqueConstraint(condition=models.Q(('agency__isnull', True)), fields=('name',), name='legal_docs_issuer_name_national', violation_error_message='Another entry of this list already has this name or code.'),
        ),
        migrations.AddConstraint(
            model_name='issuingbody',
            constraint=models.UniqueConstraint(condition=models.Q(('agency__isnull', False)), fields=('agency', 'name'), name='legal_docs_issuer_name_per_agency', violation_error_message='Another entry of this list already has this name or code.'),
        ),
        migrations.AddConstraint(
            model_name='legalfield',
            constraint=models.UniqueConstraint(condition=models.Q(('agency__isnull', True)), fields=('name',), name='legal_docs_field_name_national', violation_error_message='Another entry of this list already has this name or code.'),
        ),
        migrations.AddConstraint(
            model_name='legalfield',
            constraint=models.UniqueConstraint(condition=models.Q(('agency__isnull', False)), fields=('agency', 'name'), name='legal_docs_field_name_per_agency', violation_error_message='Another entry of this list already has this name or code.'),
        ),
        migrations.AddConstraint(
            model_name='legalfield',
            constraint=models.UniqueConstraint(condition=models.Q(('agency__isnull', True)), fields=('slug',), name='legal_docs_field_slug_national', violation_error_message='Another entry of this list already has this name or code.'),
        ),
        migrations.AddConstraint(
            model_name='legalfield',
            constraint=models.UniqueConstraint(condition=models.Q(('agency__isnull', False)), fields=('agency', 'slug'), name='legal_docs_field_slug_per_agency', violation_error_message='Another entry of this list already has this name or code.'),
        ),
    ]
