{# Larger map labels (for a projector): a class on the page that map.css reads. #}
{% macro script(this, kwargs) %}
document.body.classList.add('large-labels');
{% endmacro %}
